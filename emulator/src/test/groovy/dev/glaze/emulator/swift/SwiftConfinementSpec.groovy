package dev.glaze.emulator.swift

import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Names that try to leave their container, sent raw (no client encoding or dot-normalising in between): each is
 * refused with 400 and a message (403 when it leaves the account), and nothing is written anywhere.
 */
class SwiftConfinementSpec extends Specification {
    static final String PROJECT = 'p1'

    @Shared
    @AutoCleanup
    SwiftServer server = new SwiftServer()

    @Shared
    Path victim

    def setupSpec() {
        server.as(PROJECT).put('/v1/AUTH_p1/c')
        victim = server.dir.resolve('victim')
        Files.writeString(victim, 'untouched')
    }

    /** Every file the store holds, outside its own upload folder. */
    List<String> storedFiles() {
        Path root = server.objectsRoot()
        Files.walk(root).withCloseable { s ->
            s.filter { Files.isRegularFile(it) }.collect { root.relativize(it).toString() }
                    .findAll { !it.startsWith('.incoming') }
        }
    }

    def "#method #path is #status: #message"() {
        given:
        def before = storedFiles()

        when:
        def r = server.rawRequest(method, path, PROJECT, method == 'PUT' ? 'evil' : null)

        then:
        r.status == status
        r.text.contains(message)
        storedFiles() == before
        Files.readString(victim) == 'untouched'

        where:
        [method, path, status, message] << [['PUT', 'GET', 'DELETE'], [
                ['/v1/AUTH_p1/c/..', 400, "Object name may not contain a '..' segment"],
                ['/v1/AUTH_p1/c/../../../../victim', 400, "'..' segment"],
                ['/v1/AUTH_p1/c/a/../b', 400, "'..' segment"],
                ['/v1/AUTH_p1/c/%2e%2e/%2E%2E/victim', 400, "'..' segment"],
                ['/v1/AUTH_p1/c/%2e%2e%2f%2e%2e%2fvictim', 400, "'..' segment"],
                ['/v1/AUTH_p1/c/..%5c..%5cvictim', 201, ''],   // a backslash is an ordinary character
                ['/v1/AUTH_p1/c/./a', 400, "'.' segment"],
                ['/v1/AUTH_p1/c/a/.', 400, "'.' segment"],
                ['/v1/AUTH_p1/c/a//b', 400, 'empty segment'],
                ['/v1/AUTH_p1/c//etc/passwd', 400, "may not start with '/'"],
                ['/v1/AUTH_p1/c/%2Fetc%2Fpasswd', 400, "may not start with '/'"],
                ['/v1/AUTH_p1/c/a%00b', 400, 'NUL'],
                ['/v1/AUTH_p1/c/%ff%fe', 400, 'Invalid UTF-8'],
                ['/v1/AUTH_p1/c/' + 'x' * 1025, 400, 'Object name length of 1025 longer than 1024'],
                ['/v1/AUTH_p1/' + 'c' * 257 + '/o', 400, 'Container name length of 257 longer than 256'],
                ['/v1/AUTH_p1/../o', 400, "Container name may not be '.' or '..'"],
                ['/v1/AUTH_p1/%2e%2e/o', 400, "Container name may not be '.' or '..'"],
                ['/v1/AUTH_p1//o', 400, 'Container name may not be empty'],
                ['/v1/AUTH_p1%2F..%2F..%2Fc/o', 400, "Container name may not be '.' or '..'"],
                ['/v1/..%2F..%2Fvictim/c/o', 403, 'Access was denied'],
                ['/v1/%2e%2e/c/o', 403, 'Access was denied'],
        ]].combinations().collect { m, row -> [m] + row }
                // the harmless backslash name is stored by PUT, so only GET/DELETE find nothing there (404)
                .collect { it[1].contains('%5c') && it[0] != 'PUT' ? [it[0], it[1], 404, 'Not Found'] : it }
                // a PUT of it changes the store, which is not what this table checks
                .findAll { !(it[1].contains('%5c') && it[0] == 'PUT') }
    }

    def "what a backslash name stores stays inside the container folder"() {
        when:
        def r = server.rawRequest('PUT', '/v1/AUTH_p1/c/..%5c..%5cvictim', PROJECT, 'harmless')

        then:
        r.status == 201
        server.as(PROJECT).get('/v1/AUTH_p1/c/..%5C..%5Cvictim').text == 'harmless'
        Files.readString(victim) == 'untouched'
        storedFiles().every { it ==~ /[0-9a-f]{64}\/(account\.json|[0-9a-f]{64}\/(container\.json|[0-9a-f]{64}(\.json|\.[0-9a-f-]{36}\.data)))/ }
    }
}
