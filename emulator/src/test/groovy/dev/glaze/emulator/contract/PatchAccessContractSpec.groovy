package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Targets

/** Which names and images a PATCH may touch, and who may: read-only and reserved names, owners, admins. */
class PatchAccessContractSpec extends PatchSpecification {

    def "#op #name is 403 '#message' on #target"() {
        given:
        def created = target.createImage(name: 'patch-names')

        when:
        def r = patch(target, created.id, [[op: op, path: "/${name}", value: 'x']])

        then:
        r.status == 403
        r.message == message

        where:
        [target, op, row] << [Targets.all(), ['add', 'replace'], [
                [name: 'status', message: "Attribute 'status' is read-only."],
                [name: 'id', message: "Attribute 'id' is read-only."],
                [name: 'self', message: "Attribute 'self' is read-only."],
                [name: 'checksum', message: "Attribute 'checksum' is read-only."],
                [name: 'created_at', message: "Attribute 'created_at' is read-only."],
                [name: 'size', message: "Attribute 'size' is read-only."],
                [name: 'deleted', message: "Attribute 'deleted' is reserved."],
                [name: 'location', message: "Attribute 'location' is reserved."],
                [name: 'os_glance_x', message: "Attribute 'os_glance_x' is reserved."],
        ]].combinations()
        name = row.name
        message = row.message
    }

    def "remove #name is refused, by name upstream and by the image on Rackspace, on #target"() {
        given:
        def created = target.createImage(name: 'patch-remove-names')

        when:
        def r = patch(target, created.id, [[op: 'remove', path: "/${name}"]])

        then:
        // Icehouse checks read-only and reserved names only for add and replace; a remove reaches the image
        r.status == (target.openstack ? 403 : rackspaceStatus)
        (target.openstack ? r.message : detail(r)) == (target.openstack ? upstream : rackspace)

        where:
        [target, row] << [Targets.all(), [
                [name: 'status', upstream: "Attribute 'status' is read-only.", rackspaceStatus: 403, rackspace: 'Property status may not be removed.'],
                [name: 'self', upstream: "Attribute 'self' is read-only.", rackspaceStatus: 409, rackspace: 'Property self does not exist.'],
                [name: 'deleted', upstream: "Attribute 'deleted' is reserved.", rackspaceStatus: 409, rackspace: 'Property deleted does not exist.'],
        ]].combinations()
        name = row.name
        upstream = row.upstream
        rackspaceStatus = row.rackspaceStatus
        rackspace = row.rackspace
    }

    def "a non-admin changing the owner is refused on #target"() {
        given:
        def created = target.createImage(name: 'patch-owner')

        when:
        def r = patch(target, created.id, [[op: 'replace', path: '/owner', value: 'someone-else']], MEMBER)

        then:
        r.status == 403
        if (target.openstack) {
            assert r.message == 'Access was denied to this resource.'
            assert detail(r) == "Owner can't be updated by non admin."
        } else {
            assert r.message == "Attribute 'owner' is reserved." // Icehouse reserves owner for everyone
        }
        image(target, created.id) == created

        where:
        target << Targets.all()
    }

    def "an admin may change the owner upstream, nobody on Rackspace, on #target"() {
        given:
        def created = target.createImage(name: 'patch-owner-admin')

        when:
        def r = patch(target, created.id, [[op: 'replace', path: '/owner', value: 'new-owner']])

        then:
        r.status == (target.openstack ? 200 : 403)
        target.rackspace || r.json.owner == 'new-owner'

        where:
        target << Targets.all()
    }

    def "a non-admin owner may not hand an image over and lose sight of it on #target"() {
        given:
        def created = target.createImage(name: 'patch-give-away', visibility: 'private')

        when:
        def r = patch(target, created.id, [[op: 'replace', path: '/name', value: 'changed'],
                                          [op: 'add', path: '/owner', value: 'someone-else']], MEMBER)

        then:
        r.status == 403
        r.message == (target.openstack ? "Forbidding request, image ${created.id} not visible"
                : "Attribute 'owner' is reserved.")
        image(target, created.id) == created

        where:
        target << Targets.all()
    }

    def "making an image public takes an admin on #target"() {
        given:
        def created = target.createImage(name: 'patch-publicize')

        expect:
        with(patch(target, created.id, [[op: 'replace', path: '/visibility', value: 'public']], MEMBER)) {
            status == 403
            message == 'You are not authorized to complete publicize_image action.'
        }
        patch(target, created.id, [[op: 'replace', path: '/visibility', value: 'private']], MEMBER).status == 200
        patch(target, created.id, [[op: 'replace', path: '/visibility', value: 'public']]).json.visibility == 'public'

        where:
        target << Targets.all()
    }

    def "someone else's public image may be read but not patched on #target"() {
        given:
        def created = target.createImage(name: 'patch-not-mine', visibility: 'public', foo: 'bar')

        when:
        def r = patch(target, created.id, [[op: 'replace', path: '/name', value: 'mine now']], OTHER_PROJECT)

        then:
        r.status == 403
        // upstream asks its policy first; Icehouse's read-only image proxy names what was to change
        r.message == (target.openstack ? 'You do not own this image'
                : "You are not permitted to modify 'name' on this image.")
        patch(target, created.id, [[op: 'remove', path: '/foo']], OTHER_PROJECT).status == 403
        // with nothing to change, nothing is refused
        patch(target, created.id, [], OTHER_PROJECT).status == 200
        image(target, created.id) == created

        where:
        target << Targets.all()
    }

    def "an image the caller cannot see is 404 on #target"() {
        given:
        def created = target.createImage(name: 'patch-invisible', visibility: 'private')

        expect:
        [[], [[op: 'replace', path: '/name', value: 'x']]].every { ops ->
            def r = patch(target, created.id, ops, OTHER_PROJECT)
            r.status == 404 && r.message == "No image found with ID ${created.id}"
        }

        where:
        target << Targets.all()
    }

    def "disk and container format may change while the image is queued on #target"() {
        given:
        def created = target.createImage(name: 'patch-formats')

        when:
        def r = patch(target, created.id, [[op: 'replace', path: '/disk_format', value: 'qcow2'],
                                          [op: 'replace', path: '/container_format', value: null]])

        then:
        r.status == 200
        r.json.disk_format == 'qcow2'
        r.json.container_format == null

        where:
        target << Targets.all()
    }

    def "com.rackspace properties are Rackspace's own on #target"() {
        given:
        def created = target.createImage(name: 'patch-provider')

        when:
        def r = patch(target, created.id, [[op: op, path: '/com.rackspace__1__options', value: '0']])

        then:
        if (target.rackspace) {
            assert r.status == 403
            assert r.message == "Attribute 'com.rackspace__1__options' is reserved."
        } else {
            // upstream has no such protection: an ordinary property, absent at first
            assert r.status == (op == 'add' ? 200 : 409)
        }

        where:
        [target, op] << [Targets.all(), ['add', 'replace', 'remove']].combinations()
    }

    def "locations stay hidden and unchangeable on #target"() {
        given:
        def created = target.createImage(name: 'patch-locations')

        when:
        def r = patch(target, created.id, [change])

        then:
        r.status == 403
        (r.message + detail(r)).contains(message)

        where:
        [target, row] << [Targets.all(), [
                [change: [op: 'replace', path: '/locations', value: []], message: 'Cannot set locations to empty list.'],
                [change: [op: 'replace', path: '/locations', value: [[url: 'http://x/y', metadata: [:]]]],
                 message: "It's not allowed to update locations if locations are invisible."],
                [change: [op: 'add', path: '/locations/-', value: [url: 'http://x/y', metadata: [:]]],
                 message: "It's not allowed to add locations if locations are invisible."],
                [change: [op: 'remove', path: '/locations/0'], message: "It's not allowed to remove locations if locations are invisible."],
        ]].combinations()
        change = row.change
        message = row.message
    }

    def "a location must be an object with url and metadata on #target"() {
        given:
        def created = target.createImage(name: 'patch-location-schema')

        when:
        def r = patch(target, created.id, [[op: 'add', path: '/locations/-', value: value]])

        then:
        r.status == 400
        firstLine(r.message) == "Provided object does not match schema 'image': " + message

        where:
        [target, row] << [Targets.all(), [
                [value: 'x', message: "'x' is not of type 'object'"],
                [value: [metadata: [:]], message: "'url' is a required property"],
                [value: [url: 5, metadata: [:]], message: "5 is not of type 'string'"],
        ]].combinations()
        value = row.value
        message = row.message
    }

    def "os_hidden is upstream's; Rackspace has no such attribute on #target"() {
        given:
        def created = target.createImage(name: 'patch-os-hidden')

        when:
        def r = patch(target, created.id, [[op: 'replace', path: '/os_hidden', value: true]])

        then:
        // Icehouse would take it as an ordinary string property; the emulator keeps the name for upstream's
        // boolean and refuses it in the Rackspace profile rather than mix the two
        r.status == (target.openstack ? 200 : 403)
        target.rackspace || r.json.os_hidden == true
        target.openstack || r.message == "Attribute 'os_hidden' is reserved."

        where:
        target << Targets.all()
    }

    def "upstream's operator schema types kernel_id on #target"() {
        given:
        def created = target.createImage(name: 'patch-kernel-id')

        when:
        def r = patch(target, created.id, [[op: 'add', path: '/kernel_id', value: 'abc']])

        then:
        // Rackspace publishes no such schema: there it is a string like any other
        r.status == (target.openstack ? 400 : 200)
        target.rackspace || firstLine(r.message) == "Provided object does not match schema 'image': 'abc' does not match " +
                "'^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}\$'"

        where:
        target << Targets.all()
    }
}
