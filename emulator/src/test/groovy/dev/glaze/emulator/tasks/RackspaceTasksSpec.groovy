package dev.glaze.emulator.tasks

import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.TaskPolling
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.security.MessageDigest
import java.time.Duration
import java.util.function.Consumer

/**
 * Rackspace's task flows, which only the emulator (and Rackspace) can run: import an object of the region's object
 * store (Cloud Files) into a new image, export an image into a container, and every way they fail.
 */
class RackspaceTasksSpec extends Specification {
    static final Map<String, String> STRANGER = ['X-Project-Id': 'rax-stranger', 'X-Roles': 'member,reader']

    @Shared @TempDir Path dir
    @Shared @AutoCleanup ImageService service
    @Shared Target api

    def setupSpec() {
        service = ImageService.start(ServiceConfig.builder(dir).port(0).profile(Profile.RACKSPACE)
                .taskDelay(Duration.ofMillis(20)).build())
        api = new Target('emulator-rackspace', 'rackspace', service.url(), false)
    }

    static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size]
        new Random(seed).nextBytes(data)
        data
    }

    static String hex(String algorithm, byte[] data) {
        MessageDigest.getInstance(algorithm).digest(data).encodeHex().toString()
    }

    /** Stores an object through the Swift API, creating its container, as a script would. */
    void putObject(String container, String object, byte[] data, Map<String, String> headers = [:]) {
        assert api.send('PUT', "/v1/AUTH_${headers['X-Project-Id'] ?: 'local'}/${container}", null, headers).status in [201, 202]
        assert api.send('PUT', "/v1/AUTH_${headers['X-Project-Id'] ?: 'local'}/${container}/${object}", data,
                headers).status == 201
    }

    Map run(Map body, Map<String, String> headers = [:]) {
        def r = api.post('/v2/tasks', body, headers)
        assert r.status == 201: r.toString()
        TaskPolling.await(api, r.json.id as String, headers)
    }

    static Map importOf(String from, Map properties = [name: 'imported'], String format = 'vhd') {
        [type: 'import', input: [import_from: from, import_from_format: format, image_properties: properties]]
    }

    static Map exportOf(String image, String container) {
        [type: 'export', input: [image_uuid: image, receiving_swift_container: container]]
    }

    /** An active raw image with this data, made through the API. */
    Map activeImage(byte[] data, Map attrs = [:], Map<String, String> headers = [:]) {
        def image = api.createImage([name: 'to-export'] + attrs, headers)
        assert api.upload(image.id as String, data, headers).status == 204
        image
    }

    def "an object of the caller's Cloud Files imports into a private VHD image, byte for byte"() {
        given:
        def data = bytes(1_500_000, 1)
        putObject('imports', 'web/gold.vhd', data)

        when:
        def task = run(importOf('imports/web/gold.vhd', [name: 'web-gold']))
        def image = api.get("/v2/images/${task.result?.image_id}").json

        then:
        task.status == 'success'
        task.message == 'None'
        task.result.keySet() == ['image_id'] as Set
        image.name == 'web-gold'
        image.status == 'active'
        image.disk_format == 'vhd'
        image.container_format == 'ovf'
        image.visibility == 'private'
        image.owner == 'local'
        image.size == data.length
        image.checksum == hex('MD5', data)
        // Rackspace does not show the multihash; the emulator keeps it all the same
        service.store().find(image.id).get().get('os_hash_value') == hex('SHA-512', data)
        api.get("/v2/images/${image.id}/file").bytes == data
    }

    def "an image exports to <container>/<image id>.<disk_format>, and the object holds the image's bytes"() {
        given:
        def data = bytes(700_000, 2)
        def image = activeImage(data)
        assert api.send('PUT', '/v1/AUTH_local/exports', null).status in [201, 202]

        when:
        def task = run(exportOf(image.id, 'exports'))
        def object = api.get("/v1/AUTH_local/exports/${image.id}.raw")

        then:
        task.status == 'success'
        task.result == [export_location: "exports/${image.id}.raw".toString()]
        task.message == 'None'
        object.status == 200
        object.bytes == data
        object.header('ETag') == hex('MD5', data)
    }

    def "an export into a container that already holds the object fails with Rackspace's message"() {
        given:
        def image = activeImage(bytes(10, 3))
        putObject('exports-taken', "${image.id}.raw", bytes(5, 4))

        expect:
        with(run(exportOf(image.id, 'exports-taken'))) {
            status == 'failure'
            message == "Swift already has an object with id '${image.id}.raw' in container 'exports-taken'"
            !it.containsKey('result')
        }
        api.get("/v1/AUTH_local/exports-taken/${image.id}.raw").bytes == bytes(5, 4)
    }

    def "an export fails when #why"() {
        given:
        assert api.send('PUT', '/v1/AUTH_local/exports', null).status in [201, 202]
        String image = setup.call(this)

        expect:
        with(run(exportOf(image, container))) {
            status == 'failure'
            message == expected.replace('ID', image)
        }

        where:
        why                                   | container    | setup                                                                                       | expected
        'the image does not exist'            | 'exports'    | { '00000000-0000-0000-0000-00000000abcd' }                                                   | 'Error: Image ID was not found'
        'the image is not active'             | 'exports'    | { it.api.createImage(name: 'queued').id }                                                    | 'Error: Image ID is queued: only active images can be exported'
        'the image is Windows or Red Hat'     | 'exports'    | { it.imageWithOptions('1') }                                                                 | "Error: Image ID cannot be exported (com.rackspace__1__options is '1'; Windows and Red Hat images cannot be exported)"
        'the container does not exist'        | 'no-such'    | { it.activeImage(bytes(10, 5)).id }                                                          | "Error: Container 'no-such' does not exist"
        'the container name has a dot'        | 'a.b'        | { it.activeImage(bytes(10, 6)).id }                                                          | "Error: Container name 'a.b' is not allowed: it may not be empty or contain '/', '?' or '.'"
        'the image is another project\'s'     | 'exports'    | { it.activeImage(bytes(10, 7), [:], ['X-Project-Id': 'rax-other', 'X-Roles': 'member']).id } | 'Error: Image ID was not found'
        'the image is public, not the caller\'s' | 'exports' | { it.publicImageOfAnother() }                                                                 | 'Error: Image ID belongs to another account: only your own images can be exported, not public or shared ones'
    }

    String imageWithOptions(String options) {
        def id = activeImage(bytes(10, 8)).id as String
        // users may not set com.rackspace* properties through the API: Rackspace sets them
        service.store().update(id, { it.with({ a -> a.put('com.rackspace__1__options', options) } as Consumer) }, null)
        id
    }

    String publicImageOfAnother() {
        def id = activeImage(bytes(10, 9), [:], ['X-Project-Id': 'rax-other', 'X-Roles': 'member']).id as String
        service.store().update(id, { it.with({ a -> a.put('visibility', 'public') } as Consumer) }, null)
        id
    }

    def "an import fails when #why, and leaves no image"() {
        given:
        putObject('imports', 'present.vhd', bytes(100, 10))
        def before = service.store().size()

        expect:
        with(run([type: 'import', input: input])) {
            status == 'failure'
            message == expected
            !it.containsKey('result')
        }
        service.store().size() == before

        where:
        why                                  | input                                                                                  | expected
        'the container does not exist'       | [import_from: 'nowhere/x.vhd', image_properties: [name: 'n']]                          | "Error: Image not found for import. Possible invalid location: there is no container 'nowhere'"
        'the object does not exist'          | [import_from: 'imports/absent.vhd', image_properties: [name: 'n']]                     | "Error: Image not found for import. Possible invalid location: there is no object 'absent.vhd' in container 'imports'"
        'the location has no object'         | [import_from: 'imports', image_properties: [name: 'n']]                                | "Error: Image not found for import. Possible invalid location: 'imports' is not '<container>/<object>'"
        'the source is a URL'                | [import_from: 'https://example.com/x.vhd', image_properties: [name: 'n']]              | "Error: import_from must name an object of this region's Cloud Files as '<container>/<object>', not a URL: https://example.com/x.vhd"
        'the format is not VHD'              | [import_from: 'imports/present.vhd', import_from_format: 'qcow2', image_properties: [name: 'n']] | "Error: Unsupported import format 'qcow2': only VHD images can be imported"
        'a property other than name is given' | [import_from: 'imports/present.vhd', image_properties: [name: 'n', disk_format: 'raw', os_type: 'linux']] | 'Error: Name is the only property that can be included in image_properties; remove disk_format, os_type'
        'there is no name'                   | [import_from: 'imports/present.vhd', image_properties: [:]]                            | 'Error: image_properties must include a name'
        'image_properties is missing'        | [import_from: 'imports/present.vhd']                                                   | "Error: Input does not contain 'image_properties' field"
        'import_from is missing'             | [image_properties: [name: 'n']]                                                        | "Error: Input does not contain 'import_from' field"
    }

    def "an import reads the caller's own account only: another project's object is not found"() {
        given:
        putObject('private-stuff', 'secret.vhd', bytes(100, 11), ['X-Project-Id': 'rax-owner'])

        expect:
        run(importOf('private-stuff/secret.vhd'), STRANGER).message ==
                "Error: Image not found for import. Possible invalid location: there is no container 'private-stuff'"
    }

    def "an export input without #missing fails"() {
        expect:
        with(run([type: 'export', input: [image_uuid: 'x', receiving_swift_container: 'c'].findAll { it.key != missing }])) {
            status == 'failure'
            message == "Error: Input does not contain '${missing}' field"
        }

        where:
        missing << ['image_uuid', 'receiving_swift_container']
    }

    def "tasks are listed per project, each project seeing its own only, admin or not"() {
        given:
        def mine = api.post('/v2/tasks', exportOf('00000000-0000-0000-0000-000000000001', 'c')).json.id
        def theirs = api.post('/v2/tasks', exportOf('00000000-0000-0000-0000-000000000001', 'c'),
                ['X-Project-Id': 'rax-admin-elsewhere']).json.id

        expect:
        // Rackspace's admin role is a customer's: it never reaches another account's tasks
        api.get("/v2/tasks/${mine}", ['X-Project-Id': 'rax-admin-elsewhere']).status == 404
        !api.get('/v2/tasks?limit=1000', ['X-Project-Id': 'rax-admin-elsewhere']).json.tasks*.id.contains(mine)
        api.get('/v2/tasks?limit=1000', ['X-Project-Id': 'rax-admin-elsewhere']).json.tasks*.id.contains(theirs)
        api.get('/v2/tasks?type=export&limit=1000').json.tasks*.id.contains(mine)
    }
}
