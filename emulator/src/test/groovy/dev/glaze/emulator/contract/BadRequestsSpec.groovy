package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.Targets
import spock.lang.Specification

/**
 * Whatever a client sends, the emulator answers 4xx with a message, never 5xx and never a dropped connection.
 * (Real Glance answers 500 to a few of these; this is our own promise, so it runs on the emulator only.)
 */
class BadRequestsSpec extends Specification {

    static List<Target> emulators() {
        Targets.all().findAll { !it.real }
    }

    def "#description is #status on #target"() {
        when:
        def r = target.send(method, path, body?.getBytes('UTF-8'), headers + [Accept: 'application/json'])

        then:
        r.status == status
        r.message

        where:
        [target, row] << [emulators(), [
                [description: 'a very long id', method: 'GET', path: '/v2/images/' + 'a' * 5000, body: null, headers: [:], status: 404],
                [description: 'an unknown method', method: 'BREW', path: '/v2/images', body: null, headers: [:], status: 405],
                [description: 'an unknown route', method: 'GET', path: '/v2/nothing/here', body: null, headers: [:], status: 404],
                [description: 'a JSON scalar', method: 'POST', path: '/v2/images', body: '42', headers: ['Content-Type': 'application/json'], status: 400],
                [description: 'a JSON array', method: 'POST', path: '/v2/images', body: '[]', headers: ['Content-Type': 'application/json'], status: 400],
                [description: 'an empty body', method: 'POST', path: '/v2/images', body: '', headers: ['Content-Type': 'application/json'], status: 400],
                [description: 'deeply nested JSON', method: 'POST', path: '/v2/images', body: '[' * 100000, headers: ['Content-Type': 'application/json'], status: 400],
                [description: 'a number too large', method: 'POST', path: '/v2/images', body: '{"min_ram": 1e400}', headers: ['Content-Type': 'application/json'], status: 400],
                [description: 'a huge integer', method: 'POST', path: '/v2/images', body: '{"min_disk": 123456789012345678901234567890}', headers: ['Content-Type': 'application/json'], status: 400],
                [description: 'a non-string property', method: 'POST', path: '/v2/images', body: '{"foo": {"a": 1}}', headers: ['Content-Type': 'application/json'], status: 400],
                [description: 'a body on GET', method: 'GET', path: '/v2/images/00000000-0000-0000-0000-000000000000', body: 'x', headers: [:], status: 400],
        ]].combinations()
        description = row.description
        method = row.method
        path = row.path
        body = row.body
        headers = row.headers
        status = row.status
    }

    def "a malformed request line (#path) is 400 on #target"() {
        expect:
        target.rawStatus('GET', path) == 400

        where:
        [target, path] << [emulators(), ['/v2/images/%zz', '/v2/images?name=%zz']].combinations()
    }

    def "invalid UTF-8 in a JSON body is 400 on #target"() {
        when:
        def r = target.send('POST', '/v2/images', [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d] as byte[],
                ['Content-Type': 'application/json', Accept: 'application/json'])

        then:
        r.status == 400

        where:
        target << emulators()
    }

    def "a JSON body over 1 MiB is 413 and stores nothing on #target"() {
        given:
        def before = target.get('/v2/images?limit=1000&name=too-big').json.images.size()

        when:
        def r = target.post('/v2/images', '{"name":"too-big","description":"' + 'x' * (2 << 20) + '"}',
                [Accept: 'application/json'])

        then:
        r.status == 413
        target.get('/v2/images?limit=1000&name=too-big').json.images.size() == before

        where:
        target << emulators()
    }

    def "the service still answers after all of that on #target"() {
        expect:
        target.get('/versions').status == 200

        where:
        target << emulators()
    }
}
