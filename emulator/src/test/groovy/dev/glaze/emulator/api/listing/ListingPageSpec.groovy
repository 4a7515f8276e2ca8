package dev.glaze.emulator.api.listing

import dev.glaze.emulator.Profile
import dev.glaze.emulator.api.ImageRenderer
import dev.glaze.emulator.http.HttpError
import dev.glaze.emulator.http.Query
import dev.glaze.emulator.http.RequestContext
import dev.glaze.emulator.store.ImageStore
import dev.glaze.emulator.store.Member
import dev.glaze.emulator.store.StoredImage
import spock.lang.Specification

import java.nio.file.Files
import java.util.function.Consumer

/**
 * Choosing a page from stored images directly, for what the HTTP API cannot set up yet (members, killed images)
 * and for the paths a contract test cannot tell apart.
 */
class ListingPageSpec extends Specification {
    static final RequestContext USER = new RequestContext('me', 'u', ['member', 'reader'] as Set)
    static final RequestContext ADMIN = new RequestContext('ops', 'a', ['admin'] as Set)

    static StoredImage image(Map attrs, List<Member> members = [], long sequence = 0) {
        def base = [id        : UUID.randomUUID().toString(), name: 'x', owner: 'me', visibility: 'private',
                    status    : 'queued', protected: false, os_hidden: false, tags: [],
                    created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z']
        new StoredImage(base + attrs.collectEntries { k, v -> [k, v instanceof GString ? v.toString() : v] }, members, sequence)
    }

    static Member member(String project, String status) {
        new Member(project, status, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
    }

    static List<String> names(String query, List<StoredImage> images, Profile profile, RequestContext ctx) {
        def byId = images.collectEntries { [it.id(), it] }
        def q = ListingQuery.parse(Query.parse(query), profile)
        ListingPage.select(q, images, { Optional.ofNullable(byId[it]) }, profile, ctx).images()*.get('name')
    }

    def "killed images are never listed, in either profile, but still serve as a marker"() {
        given:
        def killed = image(name: 'killed', status: 'killed', created_at: '2026-01-01T00:00:02Z')
        def images = [image(name: 'old', created_at: '2026-01-01T00:00:01Z'), killed,
                      image(name: 'new', created_at: '2026-01-01T00:00:03Z')]

        expect:
        names('', images, profile, USER) == ['new', 'old']
        names("marker=${killed.id()}", images, profile, USER) == ['old']

        where:
        profile << Profile.values()
    }

    def "upstream lists another project's image to a member only when it is shared and the status matches"() {
        given:
        def images = [
                image(name: 'shared-accepted', owner: 'other', visibility: 'shared', [member('me', 'accepted')], 1),
                image(name: 'shared-pending', owner: 'other', visibility: 'shared', [member('me', 'pending')], 2),
                image(name: 'private-accepted', owner: 'other', visibility: 'private', [member('me', 'accepted')], 3),
        ]

        expect:
        names('', images, Profile.OPENSTACK, USER) == ['shared-accepted']
        names('member_status=pending', images, Profile.OPENSTACK, USER) == ['shared-pending']
        names('member_status=all', images, Profile.OPENSTACK, USER) == ['shared-pending', 'shared-accepted']
        names('visibility=all&member_status=all', images, Profile.OPENSTACK, USER) == ['shared-pending', 'shared-accepted']
    }

    def "Icehouse shares private images: members see them by status, and visibility=shared is only those"() {
        given:
        def images = [
                image(name: 'mine', owner: 'me', visibility: 'private', [], 1),
                image(name: 'public', owner: 'other', visibility: 'public', [], 2),
                image(name: 'accepted', owner: 'other', visibility: 'private', [member('me', 'accepted')], 3),
                image(name: 'pending', owner: 'other', visibility: 'private', [member('me', 'pending')], 4),
                image(name: 'not-mine', owner: 'other', visibility: 'private', [member('you', 'accepted')], 5),
        ]

        expect:
        names('', images, Profile.RACKSPACE, USER) == ['accepted', 'public', 'mine']
        names('member_status=pending', images, Profile.RACKSPACE, USER) == ['pending', 'public', 'mine']
        names('visibility=shared', images, Profile.RACKSPACE, USER) == ['accepted']
        names('visibility=shared&member_status=all', images, Profile.RACKSPACE, USER) == ['pending', 'accepted']
        names('visibility=private', images, Profile.RACKSPACE, USER) == ['accepted', 'mine']
        names('visibility=public', images, Profile.RACKSPACE, USER) == ['public']
        names('', images, Profile.RACKSPACE, ADMIN) == ['not-mine', 'pending', 'accepted', 'public', 'mine']
        names('visibility=shared', images, Profile.RACKSPACE, ADMIN) == ['not-mine', 'pending', 'accepted']
    }

    def "a member may page from an image it was shared with, whatever its status, on #profile"() {
        given:
        def shared = image(name: 'shared', owner: 'other', visibility: visibility, [member('me', 'pending')], 2)
        def images = [image(name: 'older', visibility: 'public', owner: 'other', [], 1), shared]

        expect:
        names("marker=${shared.id()}", images, profile, USER) == ['older']

        where:
        profile           | visibility
        Profile.OPENSTACK | 'shared'
        Profile.RACKSPACE | 'private'
    }

    def "images created within one second keep their order of creation; ties beyond that go by id"() {
        given:
        def images = (1..5).collect { image(name: "n${it}", id: "0000000${6 - it}-0000-0000-0000-000000000000", [], it) }
        def unnumbered = (1..2).collect { image(name: "u${it}", id: "0000000${it}-1111-0000-0000-000000000000") }

        expect:
        names('', images.reverse(), Profile.OPENSTACK, USER) == ['n5', 'n4', 'n3', 'n2', 'n1']
        names('sort_key=created_at&sort_dir=asc', images, Profile.RACKSPACE, USER) == ['n1', 'n2', 'n3', 'n4', 'n5']
        names('', unnumbered, Profile.OPENSTACK, USER) == ['u2', 'u1']
    }

    def "a small page of many images is the same whichever way it is picked"() {
        given:
        def random = new Random(42)
        def images = (1..400).collect {
            image(name: "i${random.nextInt(50)}", created_at: "2026-01-01T00:0${random.nextInt(10)}:00Z", [], it)
        }
        def q = { String s -> "sort_key=name&sort_dir=asc&${s}" }

        expect: 'limit 3 picks with a bounded heap, limit 1000 sorts everything'
        names(q('limit=3'), images, Profile.OPENSTACK, USER) == names(q('limit=1000'), images, Profile.OPENSTACK, USER).take(3)
    }

    def "on Icehouse an unknown marker is reported before a bad sort key, as there"() {
        when:
        names('sort_key=bogus&marker=nope', [], Profile.RACKSPACE, USER)

        then:
        def e = thrown(HttpError)
        e.explanation() == 'No image found with ID nope'
    }

    def "a changed image is rendered anew, an unchanged one is not"() {
        given:
        def store = ImageStore.open(Files.createTempDirectory('listing-body'))
        def body = new ListingBody(new ImageRenderer(Profile.OPENSTACK), store)
        def before = image(name: 'before')
        def after = before.with({ Map m -> m.put('name', 'after') } as Consumer)

        expect:
        body.json(before).is(body.json(before))
        new String(body.json(after), 'UTF-8').contains('"name":"after"')
    }
}
