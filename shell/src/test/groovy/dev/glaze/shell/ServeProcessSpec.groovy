package dev.glaze.shell

import dev.glaze.shell.testing.Http
import dev.glaze.shell.testing.ServeProcess
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicLong

/**
 * {@code glaze serve} as a separate JVM: the one stdout line, HTTP, SIGTERM, kill -9, and a restart on the
 * same data folder. These are the promises a user (or a script waiting for the line) relies on.
 */
class ServeProcessSpec extends Specification {
    @TempDir
    Path tmp

    List<ServeProcess> started = []

    def cleanup() {
        started*.close()
    }

    ServeProcess serve(Path data, List<String> args = []) {
        def p = ServeProcess.start(data, args)
        started << p
        p
    }

    /** Where the store keeps the default region (see ImageStore): images/*.json and data/<id>. */
    static Path store(Path data) { data.resolve('regions/local') }

    static List<String> leftovers(Path data) {
        def names = []
        ['images', 'data'].each { sub ->
            def dir = store(data).resolve(sub)
            if (Files.isDirectory(dir)) {
                Files.list(dir).withCloseable { s -> s.each { names << "${sub}/${it.fileName}".toString() } }
            }
        }
        names.findAll { it.endsWith('.tmp') || it.contains('.upload-') }
    }

    def "serve prints one line, answers HTTP, stops on SIGTERM and keeps its images across a restart"() {
        given:
        def data = tmp.resolve('data')

        when: 'it starts'
        def first = serve(data)
        def http = new Http(first.url)

        then: 'the line names a loopback URL on a real port, and the service answers there'
        first.firstLine ==~ /glaze image service listening on http:\/\/127\.0\.0\.1:\d+/
        first.url.port > 0
        http.get('/healthcheck').status == 200
        http.get('/v2/images').json == [images: [], schema: '/v2/schemas/images', first: '/v2/images']

        when: 'images are created and one is deleted'
        def kept = http.createImage(name: 'kept', tags: ['gold'])
        def gone = http.createImage(name: 'gone')
        def deleted = http.delete("/v2/images/${gone.id}")

        and: 'SIGTERM'
        int code = first.stop()

        then: 'it exits as a JVM does on SIGTERM (128 + 15), has printed nothing more on stdout, no stack trace'
        deleted.status == 204
        code == 143
        first.laterStdoutLines() == []
        !first.stderr().contains('Exception')

        when: 'it starts again on the same data folder'
        def second = serve(data)
        http = new Http(second.url)

        then: 'the kept image reads back identically, the deleted one stays deleted'
        http.get("/v2/images/${kept.id}").json == kept
        http.get("/v2/images/${gone.id}").status == 404
        http.get('/v2/images').json.images*.id == [kept.id]
        leftovers(data) == []
    }

    def "serve --profile openstack answers as upstream Glance does"() {
        when:
        def p = serve(tmp.resolve('data'), ['--profile', 'openstack'])
        def image = new Http(p.url).createImage(name: 'upstream')

        then: 'upstream defaults to shared visibility and shows unset attributes as null'
        image.visibility == 'shared'
        image.containsKey('checksum') && image.checksum == null
    }

    def "a second serve on the same data folder refuses with one line and exit code 1"() {
        given:
        def data = tmp.resolve('data')
        serve(data)

        when:
        def second = ServeProcess.run(['serve', '--port', '0', '--data', data.toString()])
        started << second
        int code = second.waitForExit()

        then:
        code == 1
        second.firstLine == null
        second.stderr() == "glaze: data folder ${data} is in use by another glaze (serve, or a shell on the" +
                " embedded service); stop that one or choose another folder with --data DIR\n"
    }

    def "an uploaded image keeps its data across a restart"() {
        given:
        def data = tmp.resolve('data')
        def first = serve(data)
        def http = new Http(first.url)
        def bytes = new byte[3 * 1024 * 1024 + 17]
        new Random(42).nextBytes(bytes)
        def image = http.createImage(name: 'with-data')

        when:
        def upload = http.upload(image.id, bytes)
        def active = http.get("/v2/images/${image.id}").json
        first.stop()
        http = new Http(serve(data).url)

        then:
        upload.status == 204
        active.status == 'active'
        active.size == bytes.length
        http.get("/v2/images/${image.id}").json == active
        with(http.send('GET', "/v2/images/${image.id}/file", null, [:])) {
            status == 200
            body == bytes
        }
    }

    def "kill -9 in the middle of an upload: committed images intact, the cut-off one back to queued, no temp files"() {
        given: 'an active image with data, a queued one, and one that is about to receive data'
        def data = tmp.resolve('data')
        def first = serve(data)
        def http = new Http(first.url)
        def bytes = new byte[1024 * 1024]
        new Random(7).nextBytes(bytes)
        def active = http.createImage(name: 'active')
        assert http.upload(active.id, bytes).status == 204
        def committed = [http.get("/v2/images/${active.id}").json, http.createImage(name: 'queued', min_disk: 3)]
        def victim = http.createImage(name: 'cut-off')

        when: 'a large upload is flowing slowly'
        def upload = new SlowUpload(first.url, victim.id as String, 1L << 30)
        upload.start()
        waitUntil('the upload is saving and its partial file has bytes') {
            http.get("/v2/images/${victim.id}").json.status == 'saving' && partialUploadBytes(data, victim.id) > 0
        }
        long sentBeforeKill = upload.sent.get()

        and: 'the process is killed without warning'
        int code = first.kill()
        upload.stop()

        and: 'it starts again on the same data folder'
        http = new Http(serve(data).url)
        def after = http.get("/v2/images/${victim.id}").json

        then: 'the kill hit while bytes were flowing'
        code == 137
        sentBeforeKill > 0
        sentBeforeKill < upload.total

        and: 'every committed image reads back exactly as before, with its data'
        committed.every { http.get("/v2/images/${it.id}").json == it }
        http.send('GET', "/v2/images/${active.id}/file", null, [:]).body == bytes

        and: 'the interrupted image is queued again, without size or data, so the upload can be retried'
        after.status == 'queued'
        after.size == null
        after.checksum == null
        http.send('GET', "/v2/images/${victim.id}/file", null, [:]).status == 204

        and: 'no temporary file is left in the data folder'
        leftovers(data) == []
    }

    static long partialUploadBytes(Path data, Object id) {
        def dir = store(data).resolve('data')
        long total = 0
        Files.list(dir).withCloseable { s ->
            s.filter { it.fileName.toString().startsWith("${id}.upload-") }.each { total += Files.size(it) }
        }
        total
    }

    static void waitUntil(String what, Closure<Boolean> condition) {
        long deadline = System.nanoTime() + 30_000_000_000L
        while (!condition()) {
            assert System.nanoTime() < deadline: "timed out waiting until ${what}"
            sleep(50)
        }
    }

    /**
     * A raw-socket upload that announces {@code total} bytes and sends them at about 10 MB/s, so the test can
     * kill the server while the body is still flowing.
     */
    static class SlowUpload {
        final URI url
        final String id
        final long total
        final AtomicLong sent = new AtomicLong()
        private final AtomicBoolean running = new AtomicBoolean(true)
        private Thread thread

        SlowUpload(URI url, String id, long total) {
            this.url = url
            this.id = id
            this.total = total
        }

        void start() {
            thread = Thread.startDaemon('slow-upload') {
                try (def socket = new Socket(url.host, url.port)) {
                    def out = socket.outputStream
                    out.write(("PUT /v2/images/${id}/file HTTP/1.1\r\nHost: ${url.host}:${url.port}\r\n" +
                            "Content-Type: application/octet-stream\r\nContent-Length: ${total}\r\n\r\n")
                            .getBytes('US-ASCII'))
                    def chunk = new byte[64 * 1024]
                    new Random(1).nextBytes(chunk)
                    while (running.get() && sent.get() < total) {
                        out.write(chunk)
                        out.flush()
                        sent.addAndGet(chunk.length)
                        sleep(6)
                    }
                } catch (IOException ignored) {
                    // the server went away mid-body: that is the point of the test
                }
            }
        }

        void stop() {
            running.set(false)
            thread?.join(10_000)
        }
    }
}
