package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Targets
import spock.lang.Shared

/** PATCH requests Glance refuses before it looks at the image: media type, body shape, operations, pointers. */
class PatchRequestContractSpec extends PatchSpecification {
    static final String ACCEPT_PATCH =
            'application/openstack-images-v2.0-json-patch, application/openstack-images-v2.1-json-patch'
    static final String NO_IMAGE = '00000000-0000-0000-0000-000000000000'

    @Shared
    Map<String, String> ids = [:]

    /** One image per target for the refusals, none of which may change it. */
    String imageOn(target) {
        ids.computeIfAbsent(target.name) { target.createImage(name: 'patch-refusals', foo: 'bar').id as String }
    }

    def "#contentType is 415 with Accept-Patch and no detail on #target"() {
        when:
        def r = target.send('PATCH', "/v2/images/${imageOn(target)}", '[]'.bytes,
                (contentType == null ? [:] : ['Content-Type': contentType]) + [Accept: 'application/json'])

        then:
        r.status == 415
        r.header('Accept-Patch') == ACCEPT_PATCH
        // WebOb names the type as sent, parameters and case included; no header at all reads as text/plain
        r.message == "The request media type ${contentType ?: 'text/plain'} is not supported by this server."
        detail(r) == ''

        where:
        [target, contentType] << [Targets.all(), ['application/json', 'application/json; charset=UTF-8',
                                                  'application/json-patch+json', 'APPLICATION/OPENSTACK-IMAGES-V2.1-JSON-PATCH',
                                                  null]].combinations()
    }

    def "the 415 reads byte for byte like Glance's in plain text on #target"() {
        when:
        def r = target.send('PATCH', "/v2/images/${imageOn(target)}", '[]'.bytes, ['Content-Type': 'application/json'])

        then:
        r.status == 415
        r.header('Content-Type') == 'text/plain; charset=UTF-8'
        r.text == '415 Unsupported Media Type\n\nThe request media type application/json is not supported by this server. \n\n '

        where:
        target << Targets.all()
    }

    def "parameters on the patch media type are ignored on #target"() {
        expect:
        patch(target, imageOn(target), [], [:], V21 + '; charset=UTF-8').status == 200

        where:
        target << Targets.all()
    }

    def "body #body is 400 '#message' on #target"() {
        when:
        def r = patch(target, imageOn(target), body)

        then:
        r.status == 400
        r.message == message

        where:
        [target, row] << [Targets.all(), [
                [body: '', message: 'Body expected in request.'],
                [body: '[{"op":"replace",', message: 'Malformed JSON in request body.'],
                [body: '{"op":"replace","path":"/name","value":"x"}', message: 'Request body must be a JSON array of operation objects.'],
                [body: '42', message: 'Unexpected body type. Expected list/dict.'],
                [body: 'null', message: 'Unexpected body type. Expected list/dict.'],
                [body: '[5]', message: 'Operations must be JSON objects.'],
                [body: '[[]]', message: 'Operations must be JSON objects.'],
                [body: '[{"op":"add","value":"x"}]', message: "Unable to find 'path' in JSON Schema change"],
                [body: '[{"op":"add","path":"/name"}]', message: 'Operation "add" requires a member named "value".'],
                [body: '[{"op":"replace","path":"/name"}]', message: 'Operation "replace" requires a member named "value".'],
        ]].combinations()
        body = row.body
        message = row.message
    }

    def "operation #op is refused with 400 on #target"() {
        when:
        def r = patch(target, imageOn(target), op == 'missing' ? '[{"path":"/name","value":"x"}]'
                : '[{"op":' + op + ',"path":"/name","value":"x"}]')

        then:
        r.status == 400
        r.message == (target.openstack || !upstream.startsWith('Unable') ? upstream : rackspace)

        where:
        // Icehouse (Rackspace) answers an unknown op with a 500; the emulator gives upstream's 400 instead.
        [target, row] << [Targets.all(), [
                [op: 'missing', upstream: 'Unable to find `op` in JSON Schema change. It must be one of the following: add, remove, replace.',
                 rackspace: "Unable to find 'op' in JSON Schema change"],
                [op: 'null', upstream: 'Unable to find `op` in JSON Schema change. It must be one of the following: add, remove, replace.',
                 rackspace: "Unable to find 'op' in JSON Schema change"],
                [op: '"move"', upstream: 'Invalid operation: `move`. It must be one of the following: add, remove, replace.'],
                [op: '"test"', upstream: 'Invalid operation: `test`. It must be one of the following: add, remove, replace.'],
                [op: '"ADD"', upstream: 'Invalid operation: `ADD`. It must be one of the following: add, remove, replace.'],
                [op: '5', upstream: 'Invalid operation: `5`. It must be one of the following: add, remove, replace.'],
                [op: '["add"]', upstream: "Invalid operation: `['add']`. It must be one of the following: add, remove, replace."],
        ]].combinations()
        op = row.op
        upstream = row.upstream
        rackspace = row.rackspace
    }

    def "pointer #path is 400 '#message' on #target"() {
        when:
        def r = patch(target, imageOn(target), [[op: 'add', path: path, value: 'x']])

        then:
        r.status == 400
        r.message == message

        where:
        [target, row] << [Targets.all(), [
                [path: 'name', message: 'Pointer `name` does not start with "/".'],
                [path: '', message: 'Pointer `` does not start with "/".'],
                [path: '/a//b', message: 'Pointer `/a//b` contains adjacent "/".'],
                [path: '/a/ /b', message: 'Pointer `/a/ /b` contains adjacent "/".'],
                [path: '/a/', message: 'Pointer `/a/` end with "/".'],
                [path: '/a~2', message: 'Pointer `/a~2` contains "~" not part of a recognized escape sequence.'],
                [path: '/a~', message: 'Pointer `/a~` contains "~" not part of a recognized escape sequence.'],
                [path: '/tags/-', message: "Invalid JSON pointer for this resource: '/tags/-'"],
                [path: '/tags/0', message: "Invalid JSON pointer for this resource: '/tags/0'"],
                [path: '/a/b', message: "Invalid JSON pointer for this resource: '/a/b'"],
                [path: '/ /x', message: "Invalid JSON pointer for this resource: '//x'"],
                [path: '/locations', message: "Invalid JSON pointer for this resource: '/locations'"],
                [path: '/locations/0/x', message: "Invalid JSON pointer for this resource: '/locations/0/x'"],
        ]].combinations()
        path = row.path
        message = row.message
    }

    def "a pointer that is not a string is refused on #target"() {
        when:
        def r = patch(target, imageOn(target), '[{"op":"add","path":5,"value":"x"}]')

        then:
        // Glance crashes on it (500); the emulator answers bad input with a 400 instead.
        r.status == (target.real ? 500 : 400)
        target.real || r.message == 'Pointer `5` does not start with "/".'

        where:
        target << Targets.all()
    }

    def "draft-4 operation #body is 400 '#message' on #target"() {
        when:
        def r = patch(target, imageOn(target), body, [:], V20)

        then:
        r.status == 400
        r.message == message

        where:
        [target, row] << [Targets.all(), [
                [body: '[{"replace":"/name","add":"/x","value":"x"}]', message: 'Operation objects must contain only one member named "add", "remove", or "replace".'],
                [body: '[{"op":"add","path":"/name","value":"x"}]', message: 'Operation objects must contain exactly one member named "add", "remove", or "replace".'],
                [body: '[{"add":"/newp"}]', message: 'Operation "add" requires a member named "value".'],
                [body: '[{"add":"/tags/-","value":"x"}]', message: "Invalid JSON pointer for this resource: '/tags/-'"],
        ]].combinations()
        body = row.body
        message = row.message
    }

    def "the request is checked before the image is looked up on #target"() {
        expect:
        patch(target, NO_IMAGE, [[op: 'replace', path: '/status', value: 'active']]).status == 403
        patch(target, NO_IMAGE, [[op: 'add', path: '/tags/-', value: 'x']]).status == 400
        patch(target, NO_IMAGE, [], ['Content-Type': 'application/json']).status == 415
        // the negative min_ram is the image's own rule: the image is looked up first
        patch(target, NO_IMAGE, [[op: 'replace', path: '/min_ram', value: -1]]).status == 404
        patch(target, NO_IMAGE, []).message == "No image found with ID ${NO_IMAGE}"

        where:
        target << Targets.all()
    }

    def "none of the refused patches changed the image on #target"() {
        expect:
        with(image(target, imageOn(target))) {
            name == 'patch-refusals'
            foo == 'bar'
            !containsKey('x')
            tags == []
            created_at == updated_at
        }

        where:
        target << Targets.all()
    }
}
