package dev.glaze.core.images

import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import dev.glaze.core.testing.Emulator
import dev.glaze.core.testing.FileServer
import dev.glaze.core.testing.ScriptedServer
import dev.glaze.core.testing.Targets
import dev.glaze.core.internal.json.Json
import groovy.json.JsonOutput
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.security.MessageDigest
import java.time.Duration

/**
 * The interoperable import through the library: web-download, glance-direct with progress, copy-image's store
 * check, awaitStatus, and the pre-flight check of /v2/info/import; on the embedded service's openstack profile and,
 * when GLAZE_REAL_GLANCE_URL is set, on a real Glance.
 */
class InteropImportSpec extends Specification {
    static final byte[] RAW = (0..<300_000).collect { (byte) (it * 7 % 251) } as byte[]
    static final Duration WAIT = Duration.ofSeconds(60)

    @Shared @AutoCleanup FileServer files = new FileServer('/disk.raw': RAW)
    @Shared @AutoCleanup Emulator slow = Emulator.start(profile: 'openstack', taskDelay: Duration.ofMillis(300))
    @Shared List<Map> openstack = Targets.all().findAll { it.openstack }
    @Shared Cloud rackspace = Targets.all().find { !it.openstack }.cloud()

    static String sha512(byte[] data) {
        MessageDigest.getInstance('SHA-512').digest(data).encodeHex().toString()
    }

    Image queued(Cloud cloud, String name) {
        cloud.images().create(name: name, disk_format: 'raw', container_format: 'bare')
    }

    def "images.importMethods() lists what /v2/info/import offers on #target.name"() {
        expect:
        target.cloud().images().importMethods() as Set == ['glance-direct', 'web-download', 'copy-image'] as Set
        target.cloud().images().stores() == []

        where:
        target << openstack
    }

    def "importFrom(url) has the service download the URL; awaitStatus('active') returns the image with its hashes on #target.name"() {
        given:
        def image = queued(target.cloud(), 'interop-web')

        when:
        image.importFrom(files.url('/disk.raw'))
        def status = image.status
        image.awaitStatus('active', WAIT)

        then:
        status in ['queued', 'importing', 'active']
        image.status == 'active'
        image.size == RAW.length
        image.osHashValue == sha512(RAW)

        cleanup:
        image?.delete()

        where:
        target << openstack
    }

    def "stageAndImport(file) stages with progress, then imports by glance-direct on #target.name"() {
        given:
        def image = queued(target.cloud(), 'interop-direct')
        def file = Files.createTempFile('interop', '.raw')
        Files.write(file, RAW)
        List<TransferProgress> progress = []

        when:
        image.stageAndImport(file) { progress << it }
        def status = image.status
        image.awaitStatus('active', WAIT)

        then:
        status in ['uploading', 'importing', 'active']
        progress.last().done
        progress.last().bytes == RAW.length
        image.status == 'active'
        image.osHashValue == sha512(RAW)

        cleanup:
        image?.delete()
        Files.deleteIfExists(file)

        where:
        target << openstack
    }

    def "stageAndImport(stream, size, progress) does the same from a stream on #target.name"() {
        given:
        def image = queued(target.cloud(), 'interop-stream')

        when:
        image.stageAndImport(new ByteArrayInputStream(RAW), RAW.length, null).awaitStatus('active', WAIT)

        then:
        image.size == RAW.length
        image.osHashValue == sha512(RAW)

        cleanup:
        image?.delete()

        where:
        target << openstack
    }

    def "an import whose URL is missing fails awaitStatus with one line: the image is queued again on #target.name"() {
        given:
        def image = queued(target.cloud(), 'interop-missing')

        when:
        image.importFrom(files.url('/no-such.raw')).awaitStatus('active', WAIT)

        then:
        def e = thrown(GlazeException)
        e.message.startsWith("the import of image ${image.id} failed: the image is queued again, without data")
        e.message.endsWith('; fix the source and import again')
        !e.message.contains('\n')

        cleanup:
        image?.delete()

        where:
        target << openstack + [[name: 'emulator-openstack, importing for 300 ms', cloud: { slow.cloud() }]]
    }

    def "copyTo(stores) on a single-store cloud fails before any POST, saying why, on #target.name"() {
        given:
        def image = queued(target.cloud(), 'interop-copy')

        when:
        image.copyTo('fast', 'cheap')

        then:
        def e = thrown(GlazeException)
        e.message == "cannot copy image ${image.id}: ${image.cloud.displayName} has a single store" +
                ' (GET /v2/info/stores: 404), and copy-image needs several'
        image.refresh().status == 'queued'

        cleanup:
        image?.delete()

        where:
        target << openstack
    }

    def "awaitStatus gives up after its timeout with the status the image is still in"() {
        given:
        def image = queued(slow.cloud(), 'interop-waiting')

        when:
        image.awaitStatus('active', Duration.ofMillis(300))

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id} is still queued after 300 ms, not active; wait again with" +
                " image.awaitStatus('active', timeout)"
    }

    def "a cloud without the interoperable import (Rackspace) says so, and what to use instead"() {
        given:
        def image = queued(rackspace, 'interop-rax')

        when:
        image.importFrom(files.url('/disk.raw'))

        then:
        rackspace.images().importMethods() == []
        def e = thrown(GlazeException)
        e.message == "cannot web-download image ${image.id}: ${rackspace.displayName} has no interoperable import" +
                ' (GET /v2/info/import: 404); use image.upload(file), or an import task (tasks.importImage)'
    }

    def "a method the cloud does not list is refused before anything is sent, naming the methods it offers"() {
        given:
        def server = new ScriptedServer()
        server.fallback = [status: 200, headers: ['Content-Type': 'application/json'], body: JsonOutput.toJson(
                ['import-methods': [description: 'Import methods available.', type: 'array', value: ['glance-direct']]])]
        def cloud = Cloud.builder().endpoint(server.url).token('t').build()
        def image = new Image(cloud, Json.parse('{"id":"5b1e3c4a-0000-4000-8000-000000000001","status":"queued"}')
                .asJsonObject())

        when:
        image.importFrom('http://example.com/disk.raw')

        then:
        def e = thrown(GlazeException)
        e.message == "cannot web-download image ${image.id}: ${cloud.displayName} offers the import methods" +
                ' [glance-direct], not web-download'
        server.received*.method == ['GET']
        server.received*.path == ['/v2/info/import']

        cleanup:
        server?.close()
    }

    def "awaitStatus waits until an active image's import lets go of it, since Glance saves the image once more then"() {
        given:
        String id = '5b1e3c4a-0000-4000-8000-000000000002'
        def json = [status: 200, headers: ['Content-Type': 'application/json']]
        String locked = JsonOutput.toJson([id: id, status: 'active', os_glance_import_task: 'task-1'])
        def server = new ScriptedServer().then(json + [body: locked], json + [body: locked],
                json + [body: JsonOutput.toJson([id: id, status: 'active'])])
        def cloud = Cloud.builder().endpoint(server.url).token('t').build()
        def image = new Image(cloud, Json.parse(locked).asJsonObject())

        when:
        image.awaitStatus('active', WAIT)

        then:
        !image.has('os_glance_import_task')
        server.received*.path == ["/v2/images/${id}".toString()] * 3

        cleanup:
        server?.close()
    }
}
