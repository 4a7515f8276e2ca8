package dev.glaze.emulator.testing

import dev.glaze.emulator.http.HttpError
import dev.glaze.emulator.store.StoredImage

import java.nio.file.Files
import java.security.MessageDigest
import java.util.function.Consumer
import java.util.function.UnaryOperator

/**
 * Images with data (status {@code active}), for specs about what happens after an upload. A real Glance gets
 * the data uploaded; on the emulator the data file and the image are written straight into its store, so these
 * specs do not depend on the upload route (which has its own spec).
 */
class ActiveImages {
    static final byte[] DATA = 'glaze contract image data'.getBytes('UTF-8')

    /** Creates a raw/bare image with {@code attrs}, makes it active and returns it as the caller now sees it. */
    static Map create(Target target, Map attrs = [:], Map<String, String> headers = [:]) {
        def image = target.createImage(attrs, headers)
        String id = image.id
        if (target.real) {
            def r = target.upload(id, DATA, headers)
            assert r.status == 204: "upload failed on ${target}: ${r}"
        } else {
            def store = target.service.store()
            Files.write(store.dataFile(id), DATA)
            store.update(id, { StoredImage current ->
                current.with({ Map a ->
                    a.status = 'active'
                    a.size = (long) DATA.length
                    a.virtual_size = (long) DATA.length
                    a.checksum = hex('MD5')
                    a.os_hash_algo = 'sha512'
                    a.os_hash_value = hex('SHA-512')
                } as Consumer<Map<String, Object>>) // not Groovy's own Object.with
            } as UnaryOperator<StoredImage>, HttpError.notFound())
        }
        def r = target.get("/v2/images/${id}", headers)
        assert r.json.status == 'active'
        r.json as Map
    }

    private static String hex(String algorithm) {
        MessageDigest.getInstance(algorithm).digest(DATA).encodeHex().toString()
    }
}
