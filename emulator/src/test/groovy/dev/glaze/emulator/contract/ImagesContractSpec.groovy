package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.Targets
import spock.lang.Specification

/** Creating, reading and deleting images, on every target. */
class ImagesContractSpec extends Specification {

    def "create answers 201 with the image, a Location and the profile's defaults on #target"() {
        when:
        def r = target.post('/v2/images', [name: 'contract-create', disk_format: 'raw', container_format: 'bare',
                                           min_disk: 1, tags: ['t1', 't1'], os_distro: 'cirros'])

        then:
        r.status == 201
        r.header('Content-Type') == 'application/json'
        r.header('Location') ==~ /http:\/\/.+\/v2\/images\/${r.json.id}/
        with(r.json) {
            name == 'contract-create'
            status == 'queued'
            visibility == (target.openstack ? 'shared' : 'private')
            min_disk == 1
            min_ram == 0
            tags == ['t1']
            os_distro == 'cirros'
            self == "/v2/images/${id}"
            file == "/v2/images/${id}/file"
            schema == '/v2/schemas/image'
            created_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
        }
        // upstream shows unset attributes as null; Rackspace (Icehouse) leaves them out
        r.json.containsKey('checksum') == target.openstack
        r.json.containsKey('os_hash_algo') == target.openstack

        where:
        target << Targets.all()
    }

    def "a created image reads back the same on #target"() {
        given:
        def created = target.createImage(name: 'contract-get')

        when:
        def r = target.get("/v2/images/${created.id}")

        then:
        r.status == 200
        r.json == created

        where:
        target << Targets.all()
    }

    def "an unknown or malformed id is 404 naming the id on #target"() {
        when:
        def r = target.get("/v2/images/${id}", [Accept: 'application/json'])

        then:
        r.status == 404
        r.message == "No image found with ID ${id}"

        where:
        [target, id] << [Targets.all(), ['00000000-0000-0000-0000-000000000000', 'not-a-uuid']].combinations()
    }

    def "create refuses #attr with 403 on #target"() {
        when:
        def r = target.post('/v2/images', [name: 'x', (attr): value], [Accept: 'application/json'])

        then:
        r.status == 403
        // Zed words a reserved name on create generically; Icehouse (rackspace) names the attribute
        r.message == (target.openstack && message.endsWith('reserved.') ? 'Access was denied to this resource.' : message)

        where:
        [target, row] << [Targets.all(), [
                [attr: 'status', value: 'active', message: "Attribute 'status' is read-only."],
                [attr: 'self', value: '/x', message: "Attribute 'self' is read-only."],
                [attr: 'checksum', value: 'abc', message: "Attribute 'checksum' is read-only."],
                [attr: 'deleted', value: 'x', message: "Attribute 'deleted' is reserved."],
                [attr: 'os_glance_x', value: 'x', message: "Attribute 'os_glance_x' is reserved."],
        ]].combinations()
        attr = row.attr
        value = row.value
        message = row.message
    }

    def "create with a bad body is 400 with Glance's message on #target"() {
        when:
        def r = target.send('POST', '/v2/images', body.getBytes('UTF-8'),
                ['Content-Type': 'application/json', Accept: 'application/json'])

        then:
        r.status == 400
        r.message.startsWith(message)

        where:
        [target, row] << [Targets.all(), [
                [body: '{"name": ', message: 'Malformed JSON in request body.'],
                [body: '{"name":"x","disk_format":"floppy"}', message: "Provided object does not match schema 'image': 'floppy' is not one of"],
                [body: '{"name":"x","min_ram":"abc"}', message: "Provided object does not match schema 'image': 'abc' is not of type 'integer'"],
        ]].combinations()
        body = row.body
        message = row.message
    }

    def "a duplicate id is 409 on #target"() {
        given:
        def created = target.createImage(name: 'dup-1')

        when:
        def r = target.post('/v2/images', [id: created.id, name: 'dup-2'], [Accept: 'application/json'])

        then:
        r.status == 409
        r.message == "Image ID ${created.id} already exists!"

        where:
        target << Targets.all()
    }

    def "delete answers 204, then the image is gone on #target"() {
        given:
        def created = target.createImage(name: 'contract-delete')

        expect:
        target.delete("/v2/images/${created.id}").status == 204
        target.get("/v2/images/${created.id}").status == 404
        target.delete("/v2/images/${created.id}").status == 404

        where:
        target << Targets.all()
    }

    def "errors come as plain text, HTML or JSON as Accept asks on #target"() {
        when:
        def r = target.get('/v2/images/00000000-0000-0000-0000-000000000000', accept == null ? [:] : [Accept: accept])

        then:
        r.status == 404
        r.header('Content-Type') == contentType
        r.text == body

        where:
        [target, row] << [Targets.all(), [
                [accept: null, rax: 'text/plain', up: 'text/plain'],
                [accept: '*/*', rax: 'text/html', up: 'text/html'],
                [accept: 'application/json', rax: 'text/plain', up: 'application/json'],
        ]].combinations()
        accept = row.accept
        contentType = (target.openstack ? row.up : row.rax) + (contentType(target, row) == 'application/json' ? '' : '; charset=UTF-8')
        body = bodyFor(contentType)
    }

    private static String contentType(Target target, Map row) {
        target.openstack ? row.up : row.rax
    }

    private static String bodyFor(String contentType) {
        def msg = 'No image found with ID 00000000-0000-0000-0000-000000000000'
        if (contentType.startsWith('application/json')) {
            return '{"message": "' + msg + '<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}'
        }
        if (contentType.startsWith('text/html')) {
            return "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  ${msg}<br /><br />\n\n\n\n </body>\n</html>"
        }
        "404 Not Found\n\n${msg}\n\n   "
    }

    def "the versions document is 200 at /versions and 300 elsewhere on #target"() {
        expect:
        target.get('/versions').status == 200
        target.get('/').status == 300
        target.get('/images').status == 300
        target.get('/').json.versions[0].status == 'CURRENT'
        target.get('/v2/v2/images').status == 404

        where:
        target << Targets.all()
    }

    def "a wrong method is 405 with Allow on #target"() {
        when:
        def r = target.send('PUT', "/v2/images/00000000-0000-0000-0000-000000000000", null)

        then:
        r.status == 405
        r.header('Allow') == 'GET, PATCH, DELETE'

        where:
        target << Targets.all()
    }
}
