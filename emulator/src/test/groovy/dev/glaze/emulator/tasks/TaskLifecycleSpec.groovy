package dev.glaze.emulator.tasks

import com.sun.net.httpserver.HttpServer
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.swift.MutableClock
import dev.glaze.emulator.testing.SourceServer
import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.TaskPolling
import spock.lang.Specification
import spock.lang.TempDir

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException

/** What happens to tasks over time: their states, their expiry, a stop in the middle, many at once. */
class TaskLifecycleSpec extends Specification {
    @TempDir Path dir
    ImageService service

    def cleanup() {
        service?.close()
    }

    Target start(ServiceConfig.Builder config) {
        service = ImageService.start(config.port(0).build())
        new Target('emulator', config.build().profile().id(), service.url(), false)
    }

    ServiceConfig.Builder rackspace() {
        ServiceConfig.builder(dir).profile(Profile.RACKSPACE)
    }

    static void putObject(Target api, String container, String object, byte[] data) {
        assert api.send('PUT', "/v1/AUTH_local/${container}", null).status in [201, 202]
        assert api.send('PUT', "/v1/AUTH_local/${container}/${object}", data).status == 201
    }

    static Map importOf(String from) {
        [type: 'import', input: [import_from: from, image_properties: [name: 'lifecycle']]]
    }

    def "a task goes pending, processing, success, each step after the task delay"() {
        given:
        def api = start(rackspace().taskDelay(Duration.ofMillis(400)))
        putObject(api, 'c', 'o.vhd', new byte[1000])

        when:
        def created = api.post('/v2/tasks', importOf('c/o.vhd'))
        def seen = TaskPolling.statusesSeen(api, created.json.id as String)

        then:
        created.json.status == 'pending'
        seen == ['pending', 'processing', 'success']
    }

    def "an ended task expires 48 hours after it ended, and the image it made stays"() {
        given:
        def clock = new MutableClock()
        def api = start(rackspace().clock(clock).taskDelay(Duration.ZERO))
        putObject(api, 'c', 'o.vhd', new byte[10])
        def task = TaskPolling.await(api, api.post('/v2/tasks', importOf('c/o.vhd')).json.id as String)
        def taskFile = dir.resolve("regions/local/tasks/${task.id}.json")

        expect:
        task.status == 'success'
        task.expires_at == '2030-01-04T03:04:05Z' // the clock's 2030-01-02T03:04:05.123456Z + 48 h, to the second

        when:
        clock.advance(Duration.ofHours(48).minusSeconds(1))

        then:
        api.get("/v2/tasks/${task.id}").status == 200

        when:
        clock.advance(Duration.ofSeconds(1))

        then:
        api.get("/v2/tasks/${task.id}").status == 404
        !api.get('/v2/tasks').json.tasks*.id.contains(task.id)
        !Files.exists(taskFile)
        api.get("/v2/images/${task.result.image_id}").json.status == 'active'
    }

    def "a stop in the middle of an import ends the task in failure at the next start, and the image is gone"() {
        given: 'a slow task, caught in processing with its image made'
        def api = start(rackspace().taskDelay(Duration.ofSeconds(2)))
        putObject(api, 'c', 'o.vhd', new byte[100_000])
        def running = api.post('/v2/tasks', importOf('c/o.vhd')).json.id as String
        waitFor { api.get("/v2/tasks/${running}").json.status == 'processing' }
        def pending = api.post('/v2/tasks', importOf('c/o.vhd')).json.id as String
        def half = api.get('/v2/images?name=lifecycle').json.images
        assert half.size() == 1 && half[0].status == 'queued'

        when: 'the service stops and starts again on the same folder'
        service.close()
        api = start(rackspace().taskDelay(Duration.ZERO))

        then:
        with(api.get("/v2/tasks/${running}").json) {
            status == 'failure'
            message == 'The image service stopped while this task was running; run it again.'
            expires_at != null
        }
        api.get("/v2/tasks/${pending}").json.status == 'failure'
        api.get("/v2/images/${half[0].id}").status == 404
        api.get('/v2/images?name=lifecycle').json.images == []
    }

    def "a stop in the middle of a download ends the task in failure at the next start, with no image and no data left"() {
        given: 'a source that sends 64 KiB every 50 ms'
        def slow = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 4)
        slow.createContext('/slow.raw') { exchange ->
            exchange.sendResponseHeaders(200, 64 * 1024 * 200)
            try {
                200.times { exchange.responseBody.write(new byte[64 * 1024]); exchange.responseBody.flush(); Thread.sleep(50) }
            } catch (IOException | InterruptedException gone) {
                // the image service went away
            }
            exchange.close()
        }
        slow.start()
        def api = start(ServiceConfig.builder(dir).profile(Profile.OPENSTACK).taskDelay(Duration.ZERO))
        def id = api.post('/v2/tasks', [type : 'import', input: [
                import_from     : "http://127.0.0.1:${slow.address.port}/slow.raw", import_from_format: 'raw',
                image_properties: [name: 'slow', disk_format: 'raw', container_format: 'bare']]]).json.id
        waitFor { api.get('/v2/images?name=slow').json.images[0]?.status == 'saving' }
        def image = api.get('/v2/images?name=slow').json.images[0].id

        when:
        long stopping = System.nanoTime()
        service.close()
        long stopMillis = (System.nanoTime() - stopping).intdiv(1_000_000)
        api = start(ServiceConfig.builder(dir).profile(Profile.OPENSTACK))

        then:
        stopMillis < 5_000
        with(api.get("/v2/tasks/${id}").json) {
            status == 'failure'
            message == 'The image service stopped while this task was running; run it again.'
        }
        api.get("/v2/images/${image}").status == 404
        Files.list(dir.resolve('regions/local/data')).withCloseable { it.count() } == 0

        cleanup:
        slow?.stop(0)
    }

    def "upstream shows every task to an admin, as Glance does"() {
        given:
        def api = start(ServiceConfig.builder(dir).profile(Profile.OPENSTACK))
        def id = api.post('/v2/tasks', [type: 'import', input: [import_from: 'http://127.0.0.1:9/x']]).json.id

        expect:
        api.get("/v2/tasks/${id}", ['X-Project-Id': 'another-admin', 'X-Roles': 'admin']).status == 200
        api.get("/v2/tasks/${id}", ['X-Project-Id': 'another-member', 'X-Roles': 'member']).status == 404
    }

    def "an upstream import whose image properties are refused fails with the reason and leaves no image"() {
        given:
        def source = new SourceServer()
        def api = start(ServiceConfig.builder(dir).profile(Profile.OPENSTACK).taskDelay(Duration.ZERO))
        def url = source.serve('/x.raw', new byte[10])

        expect:
        with(TaskPolling.await(api, api.post('/v2/tasks', [type : 'import',
                input: [import_from: url, import_from_format: 'raw', image_properties: props]]).json.id as String)) {
            status == 'failure'
            message == expected
        }
        api.get('/v2/images').json.images == []

        cleanup:
        source.close()

        where:
        props                                                              | expected
        [name: 'n']                                                        | 'Task failed due to Internal Error: Properties disk_format, container_format must be set prior to saving data.'
        [name: 'n', disk_format: 'raw', container_format: 'bare', status: 'active'] | "Task failed due to Internal Error: the image cannot be created: Attribute 'status' is read-only."
        [name: 'n', disk_format: 'nope', container_format: 'bare']          | "Task failed due to Internal Error: the image cannot be created: Provided object does not match schema 'image': 'nope' is not one of [None, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop']"
    }

    def "a thousand tasks created at once all run, on a bounded pool of threads"() {
        given:
        def api = start(rackspace().taskDelay(Duration.ofMillis(10)).taskWorkers(4))
        putObject(api, 'c', 'o.vhd', new byte[512])
        def client = HttpClient.newHttpClient()
        def request = HttpRequest.newBuilder(URI.create("${service.url()}/v2/tasks"))
                .header('Content-Type', 'application/json')
                .POST(HttpRequest.BodyPublishers.ofString('{"type":"import","input":{"import_from":"c/o.vhd",' +
                        '"image_properties":{"name":"many"}}}')).build()
        def threadsBefore = Thread.allStackTraces.keySet()
        int peakTaskThreads = 0

        when:
        // The JDK's server closes idle connections beyond 200 at once; the client may pick one of those from its pool
        // and find it closed before a byte was read ("received no bytes"): the request never reached the service,
        // so it is sent again (were it counted twice, the service would list a 1 001st image: checked below)
        def send
        send = { int attempt ->
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).exceptionallyCompose { Throwable e ->
                Throwable cause = e instanceof CompletionException ? e.cause : e
                boolean unsent = cause instanceof IOException && cause.message?.contains('received no bytes')
                unsent && attempt < 3 ? send(attempt + 1) : CompletableFuture.failedFuture(e)
            }
        }
        def answers = (1..1000).collect { send(1) }
        CompletableFuture.allOf(answers as CompletableFuture[]).get()
        def ids = answers*.get().collect { assert it.statusCode() == 201; new groovy.json.JsonSlurper().parseText(it.body()).id }
        waitFor(120_000) {
            // this service's task threads: the ones started since (other services of this JVM have their own)
            int running = (Thread.allStackTraces.keySet() - threadsBefore).count { it.name.startsWith('glaze-task-') }
            peakTaskThreads = Math.max(peakTaskThreads, running)
            api.get('/v2/tasks?status=success&limit=1000').json.tasks.size() == 1000
        }

        then:
        ids.toSet().size() == 1000
        def page = api.get('/v2/images?name=many&limit=1000').json.images
        page.size() == 1000
        api.get("/v2/images?name=many&limit=1000&marker=${page.last().id}").json.images == []
        peakTaskThreads <= 4
    }

    static void waitFor(long timeoutMillis = 20_000, Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + timeoutMillis
        while (!condition.call()) {
            assert System.currentTimeMillis() < deadline: 'timed out'
            Thread.sleep(20)
        }
    }
}
