package dev.glaze.emulator.swift

import spock.lang.AutoCleanup
import spock.lang.Specification

/** What the object store holds survives a restart of the service on the same data folder. */
class SwiftPersistenceSpec extends Specification {
    @AutoCleanup
    SwiftServer server = new SwiftServer()

    def "containers and objects are there after a restart, with the same content and metadata"() {
        given:
        def swift = server.as('p1')
        swift.put('/v1/AUTH_p1/images')
        def put = swift.put('/v1/AUTH_p1/images/exports/web.vhd', 'disk image bytes', ['Content-Type': 'application/x-vhd'])
        def before = swift.get('/v1/AUTH_p1/images?format=json').json

        when:
        server.restart()
        swift = server.as('p1')
        def get = swift.get('/v1/AUTH_p1/images/exports/web.vhd')

        then:
        get.status == 200
        get.text == 'disk image bytes'
        get.header('ETag') == put.header('ETag')
        get.header('Content-Type') == 'application/x-vhd'
        get.header('Last-Modified') == put.header('Last-Modified')
        swift.get('/v1/AUTH_p1/images?format=json').json == before
        swift.get('/v1/AUTH_p1').text == 'images\n'
    }

    def "a container deleted before the restart stays deleted"() {
        given:
        def swift = server.as('p1')
        swift.put('/v1/AUTH_p1/gone')
        swift.delete('/v1/AUTH_p1/gone')

        when:
        server.restart()

        then:
        server.as('p1').get('/v1/AUTH_p1/gone').status == 404
        server.as('p1').get('/v1/AUTH_p1').status == 204
    }

    def "the service's store is the one served over HTTP"() {
        given:
        server.as('p1').put('/v1/AUTH_p1/c')

        when:
        server.service.objects().put('AUTH_p1', 'c', 'from-a-task', new ByteArrayInputStream('in process'.bytes),
                null, null, null)

        then:
        server.as('p1').get('/v1/AUTH_p1/c/from-a-task').text == 'in process'
    }
}
