package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.SourceServer
import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.TaskPolling
import dev.glaze.emulator.testing.Targets
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.security.MessageDigest

/**
 * {@code /v2/tasks} on every target. Upstream Glance has only the legacy import from an http(s) URL (and no export);
 * Rackspace imports from and exports to its object store (Cloud Files): where a feature is one service's only, the
 * expectation branches on the flavor. The Rackspace flows themselves are in {@code tasks/RackspaceTasksSpec}.
 */
class TasksContractSpec extends Specification {
    static final Map<String, String> JSON = [Accept: 'application/json']
    /** Another project without the admin role. */
    static final Map<String, String> STRANGER = ['X-Project-Id': 'tasks-stranger', 'X-Roles': 'member,reader']
    static final String NOT_PERMITTED = 'This operation is currently not permitted on Glance Tasks. They are auto ' +
            'deleted after reaching the time based on their expires_at property.'

    @Shared @AutoCleanup SourceServer source = new SourceServer()

    static Map httpImport(String url, String name = 'task-import') {
        [type : 'import',
         input: [import_from       : url, import_from_format: 'raw',
                 image_properties  : [name: name, disk_format: 'raw', container_format: 'bare', os_distro: 'glaze']]]
    }

    static String hex(String algorithm, byte[] data) {
        MessageDigest.getInstance(algorithm).digest(data).encodeHex().toString()
    }

    def "a legacy import from an http URL on loopback moves the bytes into a new image on #target"() {
        given:
        byte[] data = new byte[300_000]
        new Random(7).nextBytes(data)
        def url = source.serve("/contract-${target.name}.raw", data)

        when:
        def created = target.post('/v2/tasks', httpImport(url))
        def done = TaskPolling.await(target, created.json.id as String)

        then:
        created.status == 201
        created.header('Location').endsWith("/v2/tasks/${created.json.id}")
        created.json.status == 'pending'
        created.json.type == 'import'
        created.json.input == httpImport(url).input
        created.json.self == "/v2/tasks/${created.json.id}"
        created.json.schema == '/v2/schemas/task'
        !created.json.containsKey('expires_at')
        done.expires_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/

        if (target.openstack) {
            assert done.status == 'success'
            assert done.message == ''
            def image = target.get("/v2/images/${done.result.image_id}").json
            assert image.status == 'active'
            assert image.name == 'task-import'
            assert image.os_distro == 'glaze'
            assert image.size == data.length
            assert image.checksum == hex('MD5', data)
            assert image.os_hash_value == hex('SHA-512', data)
            assert target.get("/v2/images/${done.result.image_id}/file").bytes == data
        } else {
            // Rackspace imports from its object store only: a URL is not an object there, and the task says so
            assert done.status == 'failure'
            assert done.message.contains('not a URL')
            assert !done.containsKey('result')
        }

        where:
        target << Targets.all()
    }

    def "a new task shows an empty message and result as its service does on #target"() {
        when:
        def r = target.post('/v2/tasks', httpImport(source.url('/never-served.raw')))

        then:
        r.status == 201
        r.json.owner instanceof String
        r.json.created_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
        r.json.updated_at == r.json.created_at
        // upstream: "" and null (and who asked); Rackspace: Python's str(None), and no result at all
        if (target.openstack) {
            assert r.json.message == ''
            assert r.json.containsKey('result') && r.json.result == null
            assert r.json.request_id == r.header('X-Openstack-Request-Id')
            assert r.json.user_id instanceof String
        } else {
            assert r.json.message == 'None'
            assert !r.json.containsKey('result')
        }

        where:
        target << Targets.all()
    }

    def "a download that fails ends the task in failure and leaves no image on #target"() {
        given:
        def before = target.get('/v2/images?name=task-404').json.images.size()

        when:
        def id = target.post('/v2/tasks', httpImport(source.url('/missing.raw'), 'task-404')).json.id as String
        def done = TaskPolling.await(target, id)

        then:
        done.status == 'failure'
        // upstream hides the reason behind this text; the emulator keeps it and adds the reason
        done.message.startsWith('Task failed due to Internal Error')
        done.result == null
        target.get('/v2/images?name=task-404').json.images.size() == before

        where:
        target << Targets.openstack()
    }

    def "an import without #missing fails with Glance's message on #target"() {
        given:
        def input = httpImport(source.url('/x.raw')).input
        input.remove(missing)

        when:
        def id = target.post('/v2/tasks', [type: 'import', input: input]).json.id as String

        then:
        with(TaskPolling.await(target, id)) {
            status == 'failure'
            message == "Input does not contain '${missing}' field"
        }

        where:
        [target, missing] << [Targets.openstack(), ['import_from_format', 'image_properties']].combinations()
    }

    def "upstream refuses the Rackspace export type with its schema message; Rackspace takes it on #target"() {
        when:
        def r = target.post('/v2/tasks', [type: 'export', input: [image_uuid: '00000000-0000-0000-0000-000000000000',
                                                                   receiving_swift_container: 'exports']], JSON)

        then:
        if (target.openstack) {
            assert r.status == 400
            assert r.json.message == "Provided object does not match schema 'task': 'export' is not one of " +
                    "['import', 'api_image_import']\n\nFailed validating 'enum' in schema['properties']['type']:\n" +
                    "    {'description': 'The type of task represented by this content',\n" +
                    "     'enum': ['import', 'api_image_import'],\n     'type': 'string'}\n\n" +
                    "On instance['type']:\n    'export'<br /><br />\n\n\n"
        } else {
            assert r.status == 201
            assert r.json.type == 'export'
        }

        where:
        target << Targets.all()
    }

    def "upstream takes only URLs to import from: #importFrom is 400 there, a Rackspace object path is fine on #target"() {
        when:
        def r = target.post('/v2/tasks', [type : 'import',
                                           input: [import_from     : importFrom,
                                                   image_properties: [name: 'My excellent custom image']]])

        then:
        if (target.openstack) {
            assert r.status == 400
            assert r.message == message
        } else {
            assert r.status == 201
        }

        where:
        [target, importFrom] << [Targets.all(), ['exports/my-excellent-image.vhd', 'file:///etc/passwd']].combinations()
        message = importFrom.startsWith('file') ?
                'File based imports are not allowed. Please use a non-local source of image data.' :
                "The given uri is not valid. Please specify a valid uri from the following list of supported uri ['http']"
    }

    def "a body without #missing is refused on #target"() {
        when:
        def r = target.post('/v2/tasks', [type: 'import', input: [:]].findAll { it.key != missing })

        then:
        r.status == 400
        r.message == "Task '${missing}' is required"

        where:
        [target, missing] << [Targets.all(), ['type', 'input']].combinations()
    }

    def "an input that is not an object is a schema error on #target"() {
        when:
        def r = target.post('/v2/tasks', [type: 'import', input: 'x'])

        then:
        r.status == 400
        // upstream's schema also allows null (and upstream adds where the check failed)
        r.message.startsWith(target.openstack
                ? "Provided object does not match schema 'task': 'x' is not of type 'null', 'object'"
                : "Provided object does not match schema 'task': 'x' is not of type 'object'")

        where:
        target << Targets.all()
    }

    def "an unknown task is 404, and another project's task is 404 too on #target"() {
        given:
        def id = target.post('/v2/tasks', httpImport(source.url('/tenancy.raw'))).json.id

        expect:
        target.get('/v2/tasks/00000000-0000-0000-0000-000000000000').status == 404
        target.get('/v2/tasks/00000000-0000-0000-0000-000000000000').message ==
                'Could not find task 00000000-0000-0000-0000-000000000000'
        target.get("/v2/tasks/${id}", STRANGER).status == 404
        target.get("/v2/tasks/${id}", STRANGER).message == "Could not find task ${id}"
        !target.get('/v2/tasks', STRANGER).json.tasks*.id.contains(id)

        where:
        target << Targets.all()
    }

    def "a task cannot be deleted: 405 with Allow GET and Glance's own body on #target"() {
        given:
        def id = target.post('/v2/tasks', httpImport(source.url('/delete.raw'))).json.id

        when:
        def plain = target.delete("/v2/tasks/${id}")
        def json = target.delete("/v2/tasks/${id}", JSON)

        then:
        plain.status == 405
        plain.header('Allow') == 'GET'
        plain.text == "405 Method Not Allowed\n\n${NOT_PERMITTED}"
        json.status == 405
        // upstream answers JSON when asked; the Icehouse-era WebOb of Rackspace only plain text
        if (target.openstack) {
            assert json.json == [message: NOT_PERMITTED, code: '405 Method Not Allowed', title: 'Method Not Allowed']
        } else {
            assert json.text == plain.text
        }

        where:
        target << Targets.all()
    }

    def "other methods are 405 with the methods each path takes on #target"() {
        expect:
        target.send('PUT', '/v2/tasks', null).header('Allow') == 'GET, POST'
        target.send('PUT', '/v2/tasks/00000000-0000-0000-0000-000000000000', null).header('Allow') == 'GET, DELETE'

        where:
        target << Targets.all()
    }

    def "a listing shows stubs without input, result and message, newest first, paged by limit on #target"() {
        given:
        3.times { target.post('/v2/tasks', httpImport(source.url("/list-${it}.raw"))) }

        when:
        def page1 = target.get('/v2/tasks?limit=2&type=import')
        def page2 = target.get(page1.json.next as String)

        then:
        page1.status == 200
        page1.json.first == '/v2/tasks?limit=2&type=import'
        page1.json.schema == '/v2/schemas/tasks'
        page1.json.tasks.size() == 2
        page1.json.next == "/v2/tasks?limit=2&type=import&marker=${page1.json.tasks[1].id}"
        page1.json.tasks.every { t ->
            !t.containsKey('input') && !t.containsKey('result') && !t.containsKey('message') &&
                    t.keySet().containsAll(['id', 'type', 'status', 'owner', 'created_at', 'updated_at', 'self', 'schema'])
        }
        page1.json.tasks[0].created_at >= page1.json.tasks[1].created_at
        page2.status == 200
        !(page2.json.tasks*.id).any { it in page1.json.tasks*.id }

        where:
        target << Targets.all()
    }

    def "a listing refuses #query with #message on #target"() {
        expect:
        with(target.get("/v2/tasks?${query}")) {
            status == 400
            it.message == message
        }

        where:
        [target, pair] << [Targets.all(), [
                ['sort_dir=up', 'Invalid sort direction: up'],
                ['status=done', 'Invalid status value: done'],
                ['type=api_image_import', 'Invalid type value: api_image_import'],
                ['marker=abc', 'Invalid marker format'],
                ['limit=x', 'limit param must be an integer'],
                ['limit=-1', 'limit param must be positive'],
                ['sort_key=name', 'Sort key supplied was not valid.'],
                ['marker=00000000-0000-0000-0000-000000000001',
                 'Task with the given id 00000000-0000-0000-0000-000000000001 was not found'],
        ]].combinations()
        query = pair[0]
        message = pair[1]
    }

    def "filtering on type=export is 400 upstream, where there is no such type, and fine on Rackspace on #target"() {
        when:
        def r = target.get('/v2/tasks?type=export')

        then:
        r.status == (target.openstack ? 400 : 200)

        where:
        target << Targets.all()
    }

    def "filters on status and type return only matching tasks on #target"() {
        given:
        def id = target.post('/v2/tasks', httpImport(source.url('/filtered.raw'))).json.id as String
        def done = TaskPolling.await(target, id)

        when:
        def r = target.get("/v2/tasks?type=import&status=${done.status}&sort_key=created_at&sort_dir=asc&limit=1000")

        then:
        r.status == 200
        r.json.tasks*.id.contains(id)
        r.json.tasks.every { it.status == done.status && it.type == 'import' }
        r.json.first == "/v2/tasks?type=import&status=${done.status}&sort_key=created_at&sort_dir=asc&limit=1000"

        where:
        target << Targets.all()
    }

    def "another project's task as a marker is 403 on #target"() {
        given:
        def id = target.post('/v2/tasks', httpImport(source.url('/marker.raw'))).json.id

        expect:
        with(target.get("/v2/tasks?marker=${id}", STRANGER)) {
            status == 403
            message == "Forbidding request, task ${id} is not visible"
        }

        where:
        target << Targets.all()
    }
}
