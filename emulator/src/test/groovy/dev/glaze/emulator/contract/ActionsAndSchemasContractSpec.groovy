package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.ActiveImages
import dev.glaze.emulator.testing.Resp
import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.Targets
import groovy.json.JsonSlurper
import spock.lang.Requires
import spock.lang.Specification

/** Deactivating and reactivating images, and the schema documents, on every target. */
class ActionsAndSchemasContractSpec extends Specification {
    static final Map<String, String> JSON = [Accept: 'application/json']
    static final String UNKNOWN = '00000000-0000-0000-0000-000000000000'

    static Map<String, String> project(String name, String roles = 'member,reader') {
        ['X-Project-Id': name, 'X-Roles': roles, Accept: 'application/json']
    }

    /** POSTs an action without a body (Target.post would send a JSON null). */
    static Resp act(Target target, String id, String action, Map<String, String> headers) {
        target.send('POST', "/v2/images/${id}/actions/${action}", null, headers)
    }

    static String statusOf(Target target, String id) {
        target.get("/v2/images/${id}").json.status
    }

    def "deactivate and reactivate answer 204 without a body, are idempotent, and move updated_at on #target"() {
        given:
        def image = ActiveImages.create(target, [name: 'actions-cycle'])
        sleep(1100) // timestamps have second precision

        when:
        def deactivate = act(target, image.id, 'deactivate', JSON)
        def deactivated = target.get("/v2/images/${image.id}").json
        def again = act(target, image.id, 'deactivate', JSON)
        def reactivate = act(target, image.id, 'reactivate', JSON)
        def reactivated = target.get("/v2/images/${image.id}").json
        def reactivateAgain = act(target, image.id, 'reactivate', JSON)

        then:
        [deactivate, again, reactivate, reactivateAgain]*.status == [204, 204, 204, 204]
        deactivate.bytes.length == 0
        deactivate.header('Content-Type') == 'text/html; charset=UTF-8'
        deactivated.status == 'deactivated'
        deactivated.updated_at > image.updated_at
        deactivated.checksum == image.checksum
        reactivated.status == 'active'
        statusOf(target, image.id) == 'active'

        where:
        target << Targets.all()
    }

    def "#action on a queued image is 403 naming its status on #target"() {
        given:
        def image = target.createImage(name: 'actions-queued')

        when:
        def r = act(target, image.id, action, JSON)

        then:
        r.status == 403
        r.message == "Not allowed to ${action} image in status 'queued'"
        statusOf(target, image.id) == 'queued'

        where:
        [target, action] << [Targets.all(), ['deactivate', 'reactivate']].combinations()
    }

    def "a deactivated image keeps its metadata operations on #target"() {
        given:
        def image = ActiveImages.create(target, [name: 'actions-metadata'])
        act(target, image.id, 'deactivate', JSON)

        expect:
        target.put("/v2/images/${image.id}/tags/still-taggable", null, JSON).status == 204
        target.get("/v2/images/${image.id}").json.tags == ['still-taggable']

        where:
        target << Targets.all()
    }

    def "the owner who is not admin: upstream lets it deactivate, Rackspace does not, on #target"() {
        given:
        def owner = project('actions-owner')
        def image = ActiveImages.create(target, [name: 'actions-owner'], owner)

        when:
        def r = act(target, image.id, 'deactivate', owner)

        then:
        if (target.openstack) {
            assert r.status == 204 // Zed's default policy, seen on a real Glance
            assert statusOf(target, image.id) == 'deactivated'
        } else {
            assert r.status == 403
            assert r.message == 'You are not authorized to complete deactivate action.'
            assert statusOf(target, image.id) == 'active'
        }

        where:
        target << Targets.all()
    }

    def "another project may not #action a public image it sees on #target"() {
        given:
        def image = ActiveImages.create(target, [name: 'actions-public', visibility: 'public'],
                ['X-Project-Id': 'actions-publisher'])
        if (action == 'reactivate') {
            assert act(target, image.id, 'deactivate', JSON).status == 204
        }
        def before = statusOf(target, image.id)

        when:
        def r = act(target, image.id, action, project('actions-stranger'))

        then:
        r.status == 403
        r.message == (target.openstack ? 'You do not own this image' : "You are not authorized to complete ${action} action.")
        statusOf(target, image.id) == before

        where:
        [target, action] << [Targets.all(), ['deactivate', 'reactivate']].combinations()
    }

    def "#action of an unknown or invisible image is 404 on #target"() {
        given:
        def hidden = target.createImage([name: 'actions-hidden', visibility: 'private'], project('actions-someone'))

        expect:
        [UNKNOWN, hidden.id].every { String id ->
            def r = act(target, id, action, project('actions-stranger'))
            r.status == 404 && r.message == "No image found with ID ${id}"
        }

        where:
        [target, action] << [Targets.all(), ['deactivate', 'reactivate']].combinations()
    }

    def "a body on #action is 400, GET is 405 with Allow: POST, an unknown action 404, on #target"() {
        given:
        def image = ActiveImages.create(target, [name: 'actions-routes'])

        when:
        def body = target.send('POST', "/v2/images/${image.id}/actions/${action}", 'x'.bytes, JSON)
        def get = target.get("/v2/images/${image.id}/actions/${action}", JSON)
        def unknown = act(target, image.id, 'explode', JSON)

        then:
        body.status == 400
        body.message == 'A body is not expected with this request.'
        get.status == 405
        get.header('Allow') == 'POST'
        unknown.status == 404
        unknown.message == 'The resource could not be found.'
        statusOf(target, image.id) == 'active'

        where:
        [target, action] << [Targets.all(), ['deactivate', 'reactivate']].combinations()
    }

    def "GET /v2/schemas/#name is 200 JSON describing a #name on #target"() {
        when:
        def r = target.get("/v2/schemas/${name}", JSON)

        then:
        r.status == 200
        r.header('Content-Type') == 'application/json'
        r.json.name == name
        r.json.properties instanceof Map

        where:
        [target, name] << [Targets.all(), ['image', 'images', 'member', 'members', 'task', 'tasks']].combinations()
    }

    def "the image schema lists the profile's statuses, visibilities and attributes on #target"() {
        when:
        def image = target.get('/v2/schemas/image').json
        def images = target.get('/v2/schemas/images').json

        then:
        images.properties.images.items == image
        image.additionalProperties == [type: 'string']
        image.links*.rel == ['self', 'enclosure', 'describedby']
        image.properties.tags.items.maxLength == 255
        if (target.openstack) {
            assert image.properties.status.enum == ['queued', 'saving', 'active', 'killed', 'deleted', 'uploading',
                                                    'importing', 'pending_delete', 'deactivated']
            assert image.properties.visibility.enum == ['community', 'public', 'private', 'shared']
            assert image.properties.disk_format.enum.contains(null)
            assert ['os_hidden', 'os_hash_algo', 'os_hash_value', 'stores'].every { image.properties.containsKey(it) }
        } else {
            // Rackspace Cloud Images publishes an Icehouse schema
            assert image.properties.status.enum == ['queued', 'saving', 'active', 'killed', 'deleted', 'pending_delete']
            assert image.properties.visibility.enum == ['public', 'private']
            assert image.properties.disk_format.enum == ['ami', 'ari', 'aki', 'vhd', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso']
            assert ['os_hidden', 'os_hash_algo', 'os_hash_value', 'stores'].every { !image.properties.containsKey(it) }
        }

        where:
        target << Targets.all()
    }

    def "the task schemas list the profile's task types on #target"() {
        when:
        def task = target.get('/v2/schemas/task').json
        def tasks = target.get('/v2/schemas/tasks').json

        then:
        task.properties.type.enum == (target.openstack ? ['import', 'api_image_import'] : ['import', 'export'])
        tasks.properties.tasks.items.properties.type.enum == task.properties.type.enum
        // list entries are stubs: no input, result or message
        !tasks.properties.tasks.items.properties.containsKey('input')

        where:
        target << Targets.all()
    }

    def "the member schemas describe a membership and its statuses on #target"() {
        when:
        def member = target.get('/v2/schemas/member').json
        def members = target.get('/v2/schemas/members').json

        then:
        member.properties.status.enum == ['pending', 'accepted', 'rejected']
        member.properties.keySet() == ['member_id', 'image_id', 'created_at', 'updated_at', 'status', 'schema'] as Set
        members.properties.members.items == member
        members.links == [[rel: 'describedby', href: '{schema}']]

        where:
        target << Targets.all()
    }

    @Requires({ System.getenv('GLAZE_REAL_GLANCE_URL') })
    def "the openstack profile serves the real Glance's /v2/schemas/#name byte for byte"() {
        given:
        def targets = Targets.all()
        def emulator = targets.find { !it.real && it.openstack }
        def real = targets.find { it.real }

        expect:
        emulator.get("/v2/schemas/${name}").text == real.get("/v2/schemas/${name}").text

        where:
        name << ['image', 'images', 'member', 'members', 'task', 'tasks']
    }

    def "#path is 404 on #target"() {
        when:
        def r = target.get(path, JSON)

        then:
        r.status == 404
        r.message == 'The resource could not be found.'

        where:
        [target, path] << [Targets.all(), ['/v2/schemas/bogus', '/v2/schemas/image/', '/v2/schemas']].combinations()
    }

    def "schemas take GET only and no body on #target"() {
        when:
        def post = target.post('/v2/schemas/image', [:], JSON)
        def body = target.send('GET', '/v2/schemas/image', 'x'.bytes, JSON)

        then:
        post.status == 405
        post.header('Allow') == 'GET'
        body.status == 400
        body.message == 'A body is not expected with this request.'

        where:
        target << Targets.all()
    }

    def "schema documents parse as JSON objects with Python's separators on #target"() {
        expect:
        ['image', 'member', 'task'].every {
            String text = target.get("/v2/schemas/${it}").text
            new JsonSlurper().parseText(text) instanceof Map && text.startsWith('{"name": ')
        }

        where:
        target << Targets.all()
    }
}
