package dev.glaze.emulator.api

import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.store.ImageStore
import dev.glaze.emulator.store.StoredImage
import dev.glaze.emulator.testing.RawUpload
import dev.glaze.emulator.testing.Target
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CompletableFuture
import java.util.function.Consumer
import java.util.function.UnaryOperator

/**
 * What the emulator promises about image data beyond what a client can compare with a real Glance: races, files
 * left on disk, the size cap, state kept across a restart. Each feature runs its own service on its own folder.
 */
class ImageDataLifecycleSpec extends Specification {
    static final Map<String, String> JSON = [Accept: 'application/json']

    Path dir = Files.createTempDirectory('glaze-data-lifecycle')
    ImageService service
    Target target

    def setup() {
        start(ServiceConfig.builder(dir).port(0).profile(Profile.OPENSTACK).build())
    }

    def cleanup() {
        service?.close()
        dir.toFile().deleteDir()
    }

    private void start(ServiceConfig config) {
        service?.close()
        service = ImageService.start(config)
        target = new Target('emulator-openstack', 'openstack', service.url(), false)
    }

    private Path dataDir() {
        dir.resolve('regions').resolve('local').resolve('data')
    }

    /** Every file under the data folder that belongs to this image (its data or an upload in progress). */
    private List<String> filesOf(String id) {
        Files.list(dataDir()).withCloseable { it.map { p -> p.fileName.toString() }.filter { it.startsWith(id) }.toList() }
    }

    def "of eight simultaneous uploads to one image exactly one wins, the others are 409"() {
        given:
        def image = target.createImage(name: 'race')
        def client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        def uploads = (1..8).collect { n ->
            def request = HttpRequest.newBuilder(URI.create("${service.url()}/v2/images/${image.id}/file"))
                    .header('Content-Type', 'application/octet-stream').header('Accept', 'application/json')
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[256 << 10])).build()
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        }

        when:
        CompletableFuture.allOf(uploads as CompletableFuture[]).join()
        def answers = uploads*.join()

        then:
        answers.count { it.statusCode() == 204 } == 1
        answers.count { it.statusCode() == 409 } == 7
        answers.findAll { it.statusCode() == 409 }.every {
            it.body() =~ /Image status transition from (saving|active) to saving is not allowed/
        }
        target.get("/v2/images/${image.id}").json.size == 256 << 10
        filesOf(image.id) == [image.id]
    }

    def "an image deleted during its upload leaves no file behind, whether the client finishes or walks away"() {
        given:
        def finishing = target.createImage(name: 'deleted-finishing')
        def leaving = target.createImage(name: 'deleted-leaving')
        def finisher = new RawUpload(target, finishing.id, 4 << 20, JSON)
        def leaver = new RawUpload(target, leaving.id, 4 << 20, JSON)

        when:
        finisher.send(new byte[2 << 20])
        leaver.send(new byte[2 << 20])
        sleep(300)
        target.delete("/v2/images/${finishing.id}")
        target.delete("/v2/images/${leaving.id}")
        finisher.send(new byte[2 << 20])
        def answer = finisher.response()
        leaver.close()

        then:
        answer.status == 410
        waitFor { filesOf(finishing.id).isEmpty() && filesOf(leaving.id).isEmpty() }

        cleanup:
        finisher?.close()
    }

    def "an upload cut off leaves neither data nor a partial file, and the image queued"() {
        given:
        def image = target.createImage(name: 'cut-off')
        def upload = new RawUpload(target, image.id, 8 << 20)

        when:
        upload.send(new byte[3 << 20])
        sleep(200)
        upload.close()

        then:
        waitFor { target.get("/v2/images/${image.id}").json.status == 'queued' }
        waitFor { filesOf(image.id).isEmpty() }
    }

    def "an upload over the size cap is 413, with or without Content-Length, and the image stays queued"() {
        given:
        start(service.config().toBuilder().port(0).imageSizeCap(3 << 20).build())
        def image = target.createImage(name: 'capped')
        def over = new byte[(3 << 20) + 1]

        when:
        def declared = target.upload(image.id, over, JSON)
        def chunked = target.uploadStream(image.id, { new ByteArrayInputStream(over) }, -1, JSON)
        def atCap = target.upload(image.id, new byte[3 << 20])

        then:
        [declared, chunked].every {
            it.status == 413 && it.message == 'The incoming image is too large: The provided image is too large.'
        }
        atCap.status == 204
        target.get("/v2/images/${image.id}").json.size == 3 << 20
        filesOf(image.id) == [image.id]
    }

    def "a deactivated image's data is refused to non-admins and cannot be replaced, after a restart too"() {
        given:
        def image = target.createImage(name: 'deactivated', visibility: 'public')
        target.upload(image.id, 'old data'.bytes)
        service.close()
        // The deactivate action is another module's; here the stored state is set directly, as it would leave it.
        def store = ImageStore.open(dir.resolve('regions').resolve('local'))
        Consumer<Map<String, Object>> deactivate = { Map a -> a.put('status', 'deactivated') }
        store.update(image.id, { StoredImage i -> i.with(deactivate) } as UnaryOperator<StoredImage>, null)
        start(service.config().toBuilder().port(0).build())

        when:
        def member = target.get("/v2/images/${image.id}/file", ['X-Roles': 'member'] + JSON)
        def admin = target.get("/v2/images/${image.id}/file")
        def replace = target.upload(image.id, 'new data'.bytes, JSON)

        then:
        member.status == 403
        member.message == 'The requested image has been deactivated. Image data download is forbidden.'
        admin.status == 200
        admin.text == 'old data'
        replace.status == 409
        replace.message == 'Image status transition from deactivated to saving is not allowed'
    }

    private static boolean waitFor(Closure<Boolean> condition) {
        def deadline = System.currentTimeMillis() + 10_000
        while (!condition() && System.currentTimeMillis() < deadline) {
            sleep(50)
        }
        assert condition()
        true
    }
}
