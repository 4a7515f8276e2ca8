package dev.glaze.core.images

import dev.glaze.core.GlazeException
import dev.glaze.core.internal.ImageSchema
import dev.glaze.core.internal.json.Json
import spock.lang.Specification
import spock.lang.Unroll

/** The patch save() sends, computed from the image as fetched and as changed (no server needed). */
class ImagePatchSpec extends Specification {
    static ImageSchema schema(String profile) {
        ImageSchema.of(Json.parse(ImagePatchSpec.getResourceAsStream("/dev/glaze/emulator/schemas/$profile/image.json")).asJsonObject())
    }

    static String diff(Map original, Closure edit, String profile = 'openstack') {
        def before = Json.fromJava(original).asJsonObject()
        def current = new LinkedHashMap(before)
        edit(current)
        ImageDiff.between('img-1', before, current.collectEntries { k, v -> [k, Json.fromJava(v)] }, schema(profile)).toJson().toString()
    }

    @Unroll
    def "#what"() {
        expect:
        diff(original, edit) == ops

        where:
        what                                   | original                                   | edit                                          || ops
        'nothing changed: no operation'        | [name: 'a', min_disk: 0]                   | { }                                           || '[]'
        'same value again: no operation'       | [name: 'a']                                | { it.name = 'a' }                             || '[]'
        'a base attribute is replaced'         | [name: 'a']                                | { it.name = 'b' }                             || '[{"op":"replace","path":"/name","value":"b"}]'
        'absent base attribute: replace'       | [name: 'a']                                | { it.min_ram = 512 }                          || '[{"op":"replace","path":"/min_ram","value":512}]'
        'null base attribute: replace'         | [name: 'a', min_disk: null]                | { it.min_disk = 20 }                          || '[{"op":"replace","path":"/min_disk","value":20}]'
        'a new custom property is added'       | [name: 'a']                                | { it.release = '2024.1' }                     || '[{"op":"add","path":"/release","value":"2024.1"}]'
        'an existing custom one is replaced'   | [name: 'a', release: '1']                  | { it.release = '2' }                          || '[{"op":"replace","path":"/release","value":"2"}]'
        'a removed custom one is removed'      | [name: 'a', release: '1']                  | { it.remove('release') }                      || '[{"op":"remove","path":"/release"}]'
        'a cleared base attribute: null'       | [name: 'a']                                | { it.name = null }                            || '[{"op":"replace","path":"/name","value":null}]'
        'tags replaced whole'                  | [tags: ['a']]                              | { it.tags = ['a', 'b'] }                      || '[{"op":"replace","path":"/tags","value":["a","b"]}]'
        'tags in another order: no change'     | [tags: ['a', 'b']]                         | { it.tags = ['b', 'a'] }                      || '[]'
        'a tag twice is sent once'             | [tags: ['a']]                              | { it.tags = ['a', 'b', 'a'] }                 || '[{"op":"replace","path":"/tags","value":["a","b"]}]'
        'no tags and empty tags: no change'    | [name: 'a']                                | { it.tags = [] }                              || '[]'
        'tags cleared: an empty array'         | [tags: ['a']]                              | { it.tags = null }                            || '[{"op":"replace","path":"/tags","value":[]}]'
        'ops sorted by path'                   | [name: 'a', zeta: '1']                     | { it.zeta = '2'; it.alpha = '1'; it.name = 'b' } || '[{"op":"add","path":"/alpha","value":"1"},{"op":"replace","path":"/name","value":"b"},{"op":"replace","path":"/zeta","value":"2"}]'
        '~ and / in a key are escaped'         | [name: 'a']                                | { it['~/.ssh/'] = 'k' }                       || '[{"op":"add","path":"/~0~1.ssh~1","value":"k"}]'
        'dotted keys stay one token'           | [name: 'a']                                | { it['com.rackspace__1__x'] = '1' }           || '[{"op":"add","path":"/com.rackspace__1__x","value":"1"}]'
    }

    def "read-only attributes are refused before anything is sent, naming each"() {
        when:
        diff([status: 'active', checksum: 'x'], { it.status = 'queued'; it.checksum = 'y' })

        then:
        def e = thrown(GlazeException)
        e.message == "image img-1: 'checksum' is read-only, 'status' is read-only; undo the change (image.refresh()) and try again; nothing was sent"
    }

    def "Rackspace's Icehouse schema marks read-only attributes only in descriptions, and is honoured"() {
        when:
        diff([size: 10], { it.size = 11 }, 'rackspace')

        then:
        def e = thrown(GlazeException)
        e.message.contains("'size' is read-only")
    }

    def "reserved names are refused"() {
        when:
        diff([name: 'a'], { it.os_glance_import_task = 'x' })

        then:
        def e = thrown(GlazeException)
        e.message.contains("'os_glance_import_task' is reserved")
    }

    def "the preview names the request and its media type"() {
        given:
        def before = Json.fromJava([name: 'a']).asJsonObject()
        def patch = ImageDiff.between('img-1', before, [name: Json.string('b')], schema('openstack'))

        expect:
        patch.toString() == '''PATCH /v2/images/img-1 (application/openstack-images-v2.1-json-patch)
[
    {
        "op": "replace",
        "path": "/name",
        "value": "b"
    }
]'''
        patch.operations()*.op() == ['replace']
        patch.operations()[0].value() == 'b'
    }
}
