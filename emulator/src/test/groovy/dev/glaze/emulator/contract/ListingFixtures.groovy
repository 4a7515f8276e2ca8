package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Resp
import dev.glaze.emulator.testing.Target

import java.util.concurrent.ConcurrentHashMap

/**
 * Images the listing specs query, created once per target and test JVM. Targets are shared with other specs, so
 * every query is scoped by a property or tag unique to this run.
 */
class ListingFixtures {
    static final String JSON = 'application/json'
    private static final Map<String, Bulk> BULK = new ConcurrentHashMap<>()

    /**
     * 30 images created one after the other (many within one second, so their order is the hidden sub-second
     * order): {@code ls-<run>-00} .. {@code -29}, property {@code ls_run=<run>}, {@code ls_group=g<i%3>}, tags
     * {@code ls-<run>} and even/odd, disk_format raw/qcow2/vhd by i%3, min_ram 10*i, min_disk i%4; image 4 is
     * protected and image 5 also has tags "a" and "b".
     */
    static class Bulk {
        String run
        List<String> ids = []
        List<Map> images = []

        String name(int i) { "ls-${run}-${String.format('%02d', i)}" }

        String scope() { "ls_run=${run}" }

        @Override
        String toString() { "bulk ${run}" }
    }

    static Bulk bulk(Target target) {
        BULK.computeIfAbsent(target.name) {
            def b = new Bulk(run: UUID.randomUUID().toString().take(8))
            30.times { i ->
                def attrs = [name       : b.name(i), ls_run: b.run, ls_group: "g${i % 3}",
                             tags       : ["ls-${b.run}", i % 2 == 0 ? 'even' : 'odd'] + (i == 5 ? ['a', 'b'] : []),
                             disk_format: ['raw', 'qcow2', 'vhd'][i % 3], container_format: i % 2 ? 'ovf' : 'bare',
                             min_ram    : i * 10, min_disk: i % 4, visibility: 'private'] + (i == 4 ? [protected: true] : [:])
                def image = target.createImage(attrs)
                b.ids << image.id
                b.images << image
            }
            b
        }
    }

    /** The listed images' numbers (00..29) for the bulk run. */
    static List<String> numbers(Resp r, Bulk b) {
        assert r.status == 200: r.toString()
        r.json.images*.name.collect { String n -> n.startsWith("ls-${b.run}-") ? n.substring(n.length() - 2) : n }
    }

    static List<String> range(int from, int downTo) {
        (from..downTo).collect { String.format('%02d', it) }
    }

    /** Numbers of the bulk images with i % m == r, newest first. */
    static List<String> where(int m, int r) {
        range(29, 0).findAll { (it as int) % m == r }
    }

    static final List<String> ALL = range(29, 0)

    /** Replaces {run}, {idN}, {createdN} and {owner} in a query with the bulk run's values. */
    static String fill(String query, Bulk b) {
        query.replace('{run}', b.run).replace('{owner}', b.images[0].owner as String)
                .replaceAll(/\{id(\d+)\}/) { all, n -> b.ids[n as int] }
                .replaceAll(/\{created(\d+)\}/) { all, n -> b.images[n as int].created_at }
    }

    static final List<String> QCOW2 = where(3, 1)
    static final List<String> RAW = where(3, 0)
    static final List<String> VHD = where(3, 2)

    /** Images of project A (public, private; upstream also community and shared without members), scoped by ls_vis. */
    static class Projects {
        String run
        Map<String, String> ids = [:]

        Map<String, String> as(String who, boolean admin) {
            ['X-Project-Id': "ls${who}-${run}", 'X-Roles': admin ? 'admin,member,reader' : 'member,reader']
        }
    }

    private static final Map<String, Projects> PROJECTS = new ConcurrentHashMap<>()

    static Projects projects(Target target) {
        PROJECTS.computeIfAbsent(target.name) {
            def p = new Projects(run: UUID.randomUUID().toString().take(8))
            def kinds = target.openstack ? ['public', 'private', 'community', 'shared'] : ['public', 'private']
            kinds.each { vis ->
                p.ids[vis] = target.createImage([name: vis, visibility: vis, ls_vis: p.run], p.as('A', true)).id
            }
            p
        }
    }

    /** Whether the target offers image members yet (the emulator gains them on another branch). */
    static boolean sharing(Target target) {
        def probe = target.createImage([name: 'ls-members-probe', visibility: target.openstack ? 'shared' : 'private'])
        def r = target.post("/v2/images/${probe.id}/members", [member: 'ls-probe'])
        target.delete("/v2/images/${probe.id}")
        r.status == 200
    }

    static List<String> names(Target target, String query, Map<String, String> headers) {
        def r = target.get("/v2/images?${query}", headers)
        assert r.status == 200: r.toString()
        r.json.images*.name
    }
}
