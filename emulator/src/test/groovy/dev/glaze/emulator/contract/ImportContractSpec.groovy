package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.SourceServer
import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.Targets
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.security.MessageDigest

/**
 * The interoperable import (Glance API 2.6+) on the targets that behave like upstream Glance: discovery, staging,
 * glance-direct, web-download, and the refusals a client has to word for users. Rackspace's profile has none of it.
 */
class ImportContractSpec extends Specification {
    static final Map<String, String> JSON = [Accept: 'application/json']
    static final Map<String, String> OCTETS = ['Content-Type': 'application/octet-stream'] + JSON

    @Shared @AutoCleanup SourceServer source = new SourceServer()

    def "/v2/info/import lists glance-direct, web-download and copy-image; a single store has no /v2/info/stores on #target"() {
        when:
        def methods = target.get('/v2/info/import', JSON)
        def stores = target.get('/v2/info/stores', JSON)

        then:
        methods.status == 200
        methods.json.'import-methods'.value as Set == ['glance-direct', 'web-download', 'copy-image'] as Set
        stores.status == 404
        stores.message == 'Multi backend is not supported at this site.'

        where:
        target << Targets.openstack()
    }

    def "glance-direct: the stage makes the image uploading with its size, the import makes it active with its hashes on #target"() {
        given:
        def image = target.createImage(name: 'import-direct')
        byte[] data = bytes(300_000)

        when:
        def staged = target.send('PUT', "/v2/images/${image.id}/stage", data, OCTETS)
        def uploading = target.get("/v2/images/${image.id}", JSON).json
        def again = target.send('PUT', "/v2/images/${image.id}/stage", data, OCTETS)
        def imported = target.post("/v2/images/${image.id}/import", [method: [name: 'glance-direct']], JSON)
        def done = awaitNot(target, image.id, ['uploading', 'importing'])

        then:
        staged.status == 204
        uploading.status == 'uploading'
        uploading.size == 300_000
        again.status == 409
        again.message == 'Image status transition from uploading to uploading is not allowed'
        imported.status == 202
        done.status == 'active'
        done.size == 300_000
        done.checksum == hex('MD5', data)
        done.os_hash_value == hex('SHA-512', data)
        done.os_glance_failed_import == ''

        cleanup:
        target.delete("/v2/images/${image.id}")

        where:
        target << Targets.openstack()
    }

    def "web-download fetches the URL: the image is importing, then active with the URL's bytes on #target"() {
        given:
        def image = target.createImage(name: 'import-web')
        byte[] data = bytes(200_000)
        String url = source.serve("/web-${target.name}.raw", data)

        when:
        def r = target.post("/v2/images/${image.id}/import", [method: [name: 'web-download', uri: url]], JSON)
        def done = awaitNot(target, image.id, ['queued', 'importing'])

        then:
        r.status == 202
        done.status == 'active'
        done.size == 200_000
        done.os_hash_value == hex('SHA-512', data)

        cleanup:
        target.delete("/v2/images/${image.id}")

        where:
        target << Targets.openstack()
    }

    def "a web-download whose URL answers 404 leaves the image queued again, without data, on #target"() {
        given:
        def image = target.createImage(name: 'import-web-missing')

        when:
        def r = target.post("/v2/images/${image.id}/import",
                [method: [name: 'web-download', uri: source.url('/no-such-file.raw')]], JSON)
        def seen = []
        def end = System.nanoTime() + 20_000_000_000L
        Map now
        while (System.nanoTime() < end) {
            now = target.get("/v2/images/${image.id}", JSON).json as Map
            seen << now.status
            if (now.status == 'queued' && seen.contains('importing') || seen.size() > 5 && now.status == 'queued') {
                break
            }
            Thread.sleep(20)
        }

        then:
        r.status == 202
        now.status == 'queued'
        now.size == null

        cleanup:
        target.delete("/v2/images/${image.id}")

        where:
        target << Targets.openstack()
    }

    def "an unknown method, glance-direct without a stage, and an import on an active image are refused on #target"() {
        given:
        def image = target.createImage(name: 'import-refusals')
        def active = target.createImage(name: 'import-active')
        target.upload(active.id as String, bytes(10))

        expect:
        with(target.post("/v2/images/${image.id}/import", [method: [name: 'bogus']], JSON)) {
            status == 400 && message == "Unknown import method name 'bogus'."
        }
        with(target.post("/v2/images/${image.id}/import", [method: [name: 'glance-direct']], JSON)) {
            status == 409 && message == "Image needs to be staged before 'glance-direct' method can be used"
        }
        with(target.post("/v2/images/${active.id}/import", [method: [name: 'web-download',
                uri: source.url('/x.raw')]], JSON)) {
            status == 409 && message == 'Image with status active cannot be target for import'
        }

        cleanup:
        target.delete("/v2/images/${image.id}")
        target.delete("/v2/images/${active.id}")

        where:
        target << Targets.openstack()
    }

    def "the Rackspace profile offers no interoperable import: its routes are 404"() {
        given:
        Target rax = Targets.all().find { it.rackspace }
        def image = rax.createImage(name: 'import-rax')

        expect:
        rax.get('/v2/info/import', JSON).status == 404
        rax.send('PUT', "/v2/images/${image.id}/stage", bytes(10), OCTETS).status == 404
        rax.post("/v2/images/${image.id}/import", [method: [name: 'glance-direct']], JSON).status == 404
    }

    static Map awaitNot(Target target, String id, List<String> passing) {
        def end = System.nanoTime() + 30_000_000_000L
        while (true) {
            Map image = target.get("/v2/images/${id}", JSON).json as Map
            if (!(image.status in passing) || System.nanoTime() > end) {
                return image
            }
            Thread.sleep(20)
        }
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n]
        new Random(n).nextBytes(b)
        b
    }

    static String hex(String algorithm, byte[] data) {
        MessageDigest.getInstance(algorithm).digest(data).encodeHex().toString()
    }
}
