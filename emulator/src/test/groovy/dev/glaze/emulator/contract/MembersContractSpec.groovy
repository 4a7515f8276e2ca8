package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Resp
import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.Targets
import spock.lang.Specification

/**
 * Sharing an image with other projects ({@code /v2/images/{id}/members}), on every target. The owner is a
 * non-admin project; members and strangers are other non-admin projects.
 */
class MembersContractSpec extends Specification {
    static final Map<String, String> OWNER = project('share-owner')
    static final Map<String, String> MEMBER_B = project('share-b')
    static final Map<String, String> MEMBER_C = project('share-c')
    static final Map<String, String> STRANGER = project('share-stranger')
    static final String UNKNOWN = '00000000-0000-0000-0000-000000000000'

    static Map<String, String> project(String name) {
        ['X-Project-Id': name, 'X-Roles': 'member,reader', Accept: 'application/json']
    }

    /** An image its owner may share: upstream shares only 'shared' images, Rackspace private ones. */
    static Map shareable(Target target, String name) {
        target.createImage([name: name, visibility: target.openstack ? 'shared' : 'private'], OWNER)
    }

    static Resp addMember(Target target, String imageId, Object member, Map<String, String> as = OWNER) {
        target.post("/v2/images/${imageId}/members", [member: member], as)
    }

    static Resp setStatus(Target target, String imageId, String memberId, Object status, Map<String, String> as) {
        target.put("/v2/images/${imageId}/members/${memberId}", [status: status], as)
    }

    static String unknownImage(Target target, String id) {
        // upstream's member routes word their own message; Icehouse passes on the image repository's
        target.openstack ? "Image ${id} not found." : "No image found with ID ${id}"
    }

    def "the owner adds a member: 200 (not 201) with the pending membership on #target"() {
        given:
        def image = shareable(target, 'members-add')

        when:
        def r = addMember(target, image.id, 'share-b')

        then:
        r.status == 200
        r.header('Content-Type') == 'application/json'
        r.json.keySet() == ['member_id', 'image_id', 'status', 'created_at', 'updated_at', 'schema'] as Set
        with(r.json) {
            member_id == 'share-b'
            image_id == image.id
            status == 'pending'
            created_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
            updated_at == created_at
            schema == '/v2/schemas/member'
        }

        where:
        target << Targets.all()
    }

    def "the owner lists every member in the order added; a member sees only itself on #target"() {
        given:
        def image = shareable(target, 'members-list')
        def b = addMember(target, image.id, 'share-b').json
        def c = addMember(target, image.id, 'share-c').json

        when:
        def byOwner = target.get("/v2/images/${image.id}/members", OWNER)
        def byMember = target.get("/v2/images/${image.id}/members", MEMBER_C)

        then:
        byOwner.status == 200
        byOwner.json == [members: [b, c], schema: '/v2/schemas/members']
        byMember.status == 200
        byMember.json == [members: [c], schema: '/v2/schemas/members']

        where:
        target << Targets.all()
    }

    def "a project the image is not shared with gets 404 from every member route on #target"() {
        given:
        def image = shareable(target, 'members-stranger')
        addMember(target, image.id, 'share-b')

        expect:
        [target.get("/v2/images/${image.id}/members", STRANGER),
         target.get("/v2/images/${image.id}/members/share-b", STRANGER),
         addMember(target, image.id, 'share-stranger', STRANGER),
         setStatus(target, image.id, 'share-stranger', 'accepted', STRANGER),
         target.delete("/v2/images/${image.id}/members/share-b", STRANGER)].every {
            it.status == 404 && it.message == unknownImage(target, image.id)
        }

        where:
        target << Targets.all()
    }

    def "an unknown image is 404 on every member route on #target"() {
        expect:
        [target.get("/v2/images/${UNKNOWN}/members", OWNER),
         target.get("/v2/images/${UNKNOWN}/members/share-b", OWNER),
         addMember(target, UNKNOWN, 'share-b'),
         setStatus(target, UNKNOWN, 'share-b', 'accepted', MEMBER_B),
         target.delete("/v2/images/${UNKNOWN}/members/share-b", OWNER)].every {
            it.status == 404 && it.message == unknownImage(target, UNKNOWN)
        }

        where:
        target << Targets.all()
    }

    def "a member sees the shared image while pending, and no longer once removed, on #target"() {
        given:
        def image = shareable(target, 'members-visible')
        addMember(target, image.id, 'share-b')

        when:
        def whileMember = target.get("/v2/images/${image.id}", MEMBER_B)
        def stranger = target.get("/v2/images/${image.id}", STRANGER)
        def removed = target.delete("/v2/images/${image.id}/members/share-b", OWNER)
        def afterwards = target.get("/v2/images/${image.id}", MEMBER_B)

        then:
        whileMember.status == 200
        whileMember.json.id == image.id
        stranger.status == 404
        removed.status == 204
        removed.bytes.length == 0
        removed.header('Content-Type') == null // unlike the other 204s, the member controller builds its own answer
        afterwards.status == 404
        afterwards.message == "No image found with ID ${image.id}"

        where:
        target << Targets.all()
    }

    def "the owner and the member may read a membership; another member may not on #target"() {
        given:
        def image = shareable(target, 'members-show')
        def b = addMember(target, image.id, 'share-b').json
        addMember(target, image.id, 'share-c')

        when:
        def byOwner = target.get("/v2/images/${image.id}/members/share-b", OWNER)
        def byItself = target.get("/v2/images/${image.id}/members/share-b", MEMBER_B)
        def byOther = target.get("/v2/images/${image.id}/members/share-b", MEMBER_C)
        def missing = target.get("/v2/images/${image.id}/members/share-nobody", OWNER)

        then:
        byOwner.status == 200
        byOwner.json == b
        byItself.json == b
        byOther.status == 404
        byOther.message == (target.openstack
                ? "share-b not found in the member list of the image ${image.id}."
                : 'You cannot get image member for share-b')
        missing.status == 404
        missing.message == (target.openstack
                ? "share-nobody not found in the member list of the image ${image.id}."
                : 'An object with the specified identifier was not found.')

        where:
        target << Targets.all()
    }

    def "adding a member twice is 409 on #target"() {
        given:
        def image = shareable(target, 'members-duplicate')
        addMember(target, image.id, 'share-b')

        when:
        def r = addMember(target, image.id, 'share-b')

        then:
        r.status == 409
        r.message == (target.openstack
                ? "Member share-b is duplicated for image ${image.id}"
                : "The target member share-b is already associated with image ${image.id}.")

        where:
        target << Targets.all()
    }

    def "a body of #body is 400 '#message' on #target"() {
        given:
        def image = shareable(target, 'members-body')

        when:
        def r = target.send('POST', "/v2/images/${image.id}/members", body.getBytes('UTF-8'),
                OWNER + ['Content-Type': 'application/json'])

        then:
        r.status == 400
        r.message == message
        target.get("/v2/images/${image.id}/members", OWNER).json.members == []

        where:
        [target, row] << [Targets.all(), [
                [body: '', message: 'Body expected in request.'],
                [body: 'not json', message: 'Malformed JSON in request body.'],
                [body: '"share-b"', message: 'Unexpected body type. Expected list/dict.'],
                [body: '["share-b"]', message: 'Expected a member in the form: {"member": "image_id"}'],
                [body: '{}', message: 'Member to be added not specified'],
                [body: '{"members": "share-b"}', message: 'Member to be added not specified'],
                [body: '{"member": ""}', message: "Member can't be empty"],
                [body: '{"member": null}', message: "Member can't be empty"],
                [body: '{"member": 0}', message: "Member can't be empty"],
        ]].combinations()
        body = row.body
        message = row.message
    }

    def "a member given as a number is answered as given and listed as a string on #target"() {
        given:
        def image = shareable(target, 'members-number')

        when:
        def r = addMember(target, image.id, 12345)

        then:
        r.status == 200
        r.json.member_id == 12345
        target.get("/v2/images/${image.id}/members", OWNER).json.members*.member_id == ['12345']

        where:
        target << Targets.all()
    }

    def "the member sets its own status to #status on #target"() {
        given:
        def image = shareable(target, 'members-status')
        def added = addMember(target, image.id, 'share-b').json

        when:
        def r = setStatus(target, image.id, 'share-b', status, MEMBER_B)

        then:
        r.status == 200
        r.json == added + [status: status, updated_at: r.json.updated_at]
        target.get("/v2/images/${image.id}/members/share-b", OWNER).json.status == status

        where:
        [target, status] << [Targets.all(), ['accepted', 'rejected', 'pending']].combinations()
    }

    def "a status of #body is 400 '#message' on #target"() {
        given:
        def image = shareable(target, 'members-bad-status')
        addMember(target, image.id, 'share-b')

        when:
        def r = target.send('PUT', "/v2/images/${image.id}/members/share-b", body.getBytes('UTF-8'),
                MEMBER_B + ['Content-Type': 'application/json'])

        then:
        r.status == 400
        r.message == message
        target.get("/v2/images/${image.id}/members/share-b", OWNER).json.status == 'pending'

        where:
        [target, row] << [Targets.all(), [
                [body: '', message: 'Body expected in request.'],
                [body: '{}', message: 'Status not specified'],
                [body: '["accepted"]', message: 'Expected a status in the form: {"status": "status"}'],
                [body: '{"status": "bogus"}', message: 'Status must be "pending", "accepted" or "rejected".'],
                [body: '{"status": 5}', message: 'Status must be "pending", "accepted" or "rejected".'],
        ]].combinations()
        body = row.body
        // upstream prefixes the status rule with "Incorrect request: "
        message = target.openstack && row.message.startsWith('Status must') ? 'Incorrect request: ' + row.message : row.message
    }

    def "only the member may set its status: the owner gets 403, another member 404 on #target"() {
        given:
        def image = shareable(target, 'members-status-owner')
        addMember(target, image.id, 'share-b')
        addMember(target, image.id, 'share-c')

        when:
        def byOwner = setStatus(target, image.id, 'share-b', 'accepted', OWNER)
        def byOther = setStatus(target, image.id, 'share-b', 'accepted', MEMBER_C)

        then:
        byOwner.status == 403
        byOwner.message == (target.openstack
                ? "Not allowed to update members for image ${image.id}."
                : "You are not permitted to modify 'status' on this image.")
        byOther.status == 404
        byOther.message == (target.openstack
                ? "share-b not found in the member list of the image ${image.id}."
                : 'You cannot get image member for share-b')
        target.get("/v2/images/${image.id}/members/share-b", OWNER).json.status == 'pending'

        where:
        target << Targets.all()
    }

    def "only the owner may add or remove members on #target"() {
        given:
        def image = shareable(target, 'members-owner-only')
        addMember(target, image.id, 'share-b')

        when:
        def add = addMember(target, image.id, 'share-c', MEMBER_B)
        def removeSelf = target.delete("/v2/images/${image.id}/members/share-b", MEMBER_B)

        then:
        if (target.openstack) {
            assert add.status == 403
            assert add.message == "Not allowed to create members for image ${image.id}."
            assert removeSelf.status == 403
            assert removeSelf.message == "Not allowed to delete members for image ${image.id}."
        } else {
            // Rackspace documents 404 for a caller who is not the owner
            assert add.status == 404
            assert add.message == 'You are not permitted to create image members for the image.'
            assert removeSelf.status == 403
            assert removeSelf.message == "You cannot delete image member for ${image.id}"
        }
        target.get("/v2/images/${image.id}/members", OWNER).json.members*.member_id == ['share-b']

        where:
        target << Targets.all()
    }

    def "removing a member that is not there is 404 on #target"() {
        given:
        def image = shareable(target, 'members-remove-missing')

        when:
        def r = target.delete("/v2/images/${image.id}/members/share-nobody", OWNER)

        then:
        r.status == 404
        r.message == (target.openstack
                ? "share-nobody not found in the member list of the image ${image.id}."
                : 'An object with the specified identifier was not found.')

        where:
        target << Targets.all()
    }

    def "upstream shares only 'shared' images; Rackspace shares private ones, on #target"() {
        given:
        def image = target.createImage([name: 'members-private', visibility: 'private'], OWNER)

        when:
        def add = addMember(target, image.id, 'share-b')
        def list = target.get("/v2/images/${image.id}/members", OWNER)

        then:
        if (target.openstack) {
            assert add.status == 403
            assert add.message == "Not allowed to create members for image ${image.id}."
            assert list.status == 403
            assert list.message == "Not allowed to list members for image ${image.id}: Only shared images have members."
            assert target.get("/v2/images/${image.id}/members/share-b", OWNER).message == 'Only shared images have members.'
        } else {
            assert add.status == 200
            assert list.json.members*.member_id == ['share-b']
            // the consumer sees it as it is: private
            assert target.get("/v2/images/${image.id}", MEMBER_B).json.visibility == 'private'
        }

        where:
        target << Targets.all()
    }

    def "a public image has no members on #target"() {
        given:
        def publisher = ['X-Project-Id': 'share-publisher', Accept: 'application/json'] // admin roles: may publish
        def image = target.createImage([name: 'members-public', visibility: 'public'], publisher)

        when:
        def r = addMember(target, image.id, 'share-b', publisher)

        then:
        r.status == 403
        r.message == (target.openstack
                ? "Not allowed to create members for image ${image.id}."
                : 'Public images do not have members.')

        where:
        target << Targets.all()
    }

    def "the 129th member is 413 on #target"() {
        given:
        def image = shareable(target, 'members-quota')
        (1..128).each { assert addMember(target, image.id, "quota-${it}").status == 200 }

        when:
        def r = addMember(target, image.id, 'quota-129')

        then:
        r.status == 413
        r.message == (target.openstack
                ? "Image member limit exceeded for image ${image.id}: The limit has been exceeded on the number " +
                  'of allowed image members for this image. Attempted: 129, Maximum: 128:'
                : 'The limit has been exceeded on the number of allowed image members for this image. ' +
                  'Attempted: 129, Maximum: 128')
        target.get("/v2/images/${image.id}/members", OWNER).json.members.size() == 128

        where:
        target << Targets.all()
    }

    def "a body on #method #path is 400 on #target"() {
        given:
        def image = shareable(target, 'members-no-body')
        addMember(target, image.id, 'share-b')

        when:
        def r = target.send(method, "/v2/images/${image.id}${path}", 'x'.bytes, OWNER)

        then:
        r.status == 400
        r.message == 'A body is not expected with this request.'

        where:
        [target, method, path] << [Targets.all(), ['GET', 'DELETE'], ['/members/share-b']].combinations() +
                Targets.all().collect { [it, 'GET', '/members'] }
    }

    def "#method #path is 405 with Allow: #allow on #target"() {
        given:
        def image = shareable(target, 'members-405')

        when:
        def r = target.send(method, "/v2/images/${image.id}${path}", null, OWNER)

        then:
        r.status == 405
        r.header('Allow') == allow

        where:
        [target, row] << [Targets.all(), [
                [method: 'PATCH', path: '/members', allow: 'GET, POST'],
                [method: 'DELETE', path: '/members', allow: 'GET, POST'],
                [method: 'PATCH', path: '/members/share-b', allow: 'GET, PUT, DELETE'],
                [method: 'POST', path: '/members/share-b', allow: 'GET, PUT, DELETE'],
        ]].combinations()
        method = row.method
        path = row.path
        allow = row.allow
    }
}
