package dev.glaze.core.internal.http

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpsConfigurator
import com.sun.net.httpserver.HttpsServer
import dev.glaze.core.testing.Emulator
import dev.glaze.core.testing.ListImages
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.SSLContext
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Path
import java.security.KeyStore
import java.util.concurrent.TimeUnit

/**
 * The library over HTTPS: the shared client makes its TLS context only when a TLS connection needs it, and that
 * context is the JVM's default one, with its trust store. Each case runs in a JVM of its own, whose trust store is
 * given on its command line, against a TLS front (a certificate made by keytool) of the embedded image service.
 */
class TlsSpec extends Specification {
    @Shared @TempDir
    Path tmp
    @Shared @AutoCleanup
    Emulator glance = Emulator.start()
    @Shared
    HttpsServer front
    @Shared
    String https

    def setupSpec() {
        keytool('-genkeypair', '-alias', 'front', '-keyalg', 'EC', '-dname', 'CN=localhost', '-ext',
                'SAN=ip:127.0.0.1,dns:localhost', '-validity', '2', '-keystore', 'front.p12')
        keytool('-exportcert', '-alias', 'front', '-keystore', 'front.p12', '-file', 'front.cer')
        keytool('-importcert', '-noprompt', '-alias', 'front', '-file', 'front.cer', '-keystore', 'trust.p12')
        def keys = KeyStore.getInstance('PKCS12')
        tmp.resolve('front.p12').toFile().withInputStream { keys.load(it, 'changeit'.toCharArray()) }   // no groovy-nio here
        def kmf = KeyManagerFactory.getInstance(KeyManagerFactory.defaultAlgorithm)
        kmf.init(keys, 'changeit'.toCharArray())
        def tls = SSLContext.getInstance('TLS')
        tls.init(kmf.keyManagers, null, null)
        front = HttpsServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        front.httpsConfigurator = new HttpsConfigurator(tls)
        def upstream = HttpClient.newHttpClient()
        front.createContext('/') { HttpExchange ex -> forward(upstream, ex) }
        front.start()
        https = "https://127.0.0.1:${front.address.port}"
        glance.cloud().images().create(name: 'over-tls', disk_format: 'raw', container_format: 'bare')
    }

    def cleanupSpec() {
        front?.stop(0)
    }

    def "images are listed over HTTPS from a certificate the JVM's trust store holds"() {
        when:
        def r = listImages([https], true)

        then:
        r.code == 0
        r.out == "${https}: over-tls\n"
    }

    def "a process that spoke plain HTTP first makes its TLS context for the first HTTPS request"() {
        when:
        def r = listImages([glance.url.toString(), https], true)

        then:
        r.code == 0
        r.out.readLines() == ["${glance.url}: over-tls", "${https}: over-tls"]
    }

    def "a certificate the trust store does not hold is refused with one line naming the request"() {
        when:
        def r = listImages([https], false)

        then:
        r.code == 1
        r.out.readLines().size() == 1
        r.out.startsWith("error: GET ${https}/v2/images")
        r.out.contains('certification path')
    }

    private Map listImages(List<String> urls, boolean trusted) {
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def command = [java, '-cp', System.getProperty('java.class.path')]
        if (trusted) {
            command += ["-Djavax.net.ssl.trustStore=${tmp.resolve('trust.p12')}".toString(),
                        '-Djavax.net.ssl.trustStorePassword=changeit']
        }
        def process = new ProcessBuilder(command + [ListImages.name] + urls).redirectErrorStream(true).start()
        def out = new ByteArrayOutputStream()
        def reader = Thread.start { out << process.inputStream }
        assert process.waitFor(60, TimeUnit.SECONDS): 'the listing process did not end'
        reader.join()
        [code: process.exitValue(), out: out.toString('UTF-8')]
    }

    private void keytool(String... args) {
        def keytool = Path.of(System.getProperty('java.home'), 'bin', 'keytool').toString()
        def process = new ProcessBuilder([keytool] + (args as List) + ['-storepass', 'changeit', '-storetype', 'PKCS12'])
                .directory(tmp.toFile()).redirectErrorStream(true).start()
        def output = process.inputStream.text
        assert process.waitFor() == 0: output
    }

    private void forward(HttpClient upstream, HttpExchange ex) {
        def body = ex.requestBody.bytes
        def request = HttpRequest.newBuilder(URI.create("${glance.url}${ex.requestURI}"))
                .method(ex.requestMethod, body ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.noBody())
        ['Content-Type', 'Accept', 'X-Auth-Token'].each { name ->
            def value = ex.requestHeaders.getFirst(name)
            if (value) {
                request.header(name, value)
            }
        }
        def answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        answer.headers().firstValue('Content-Type').ifPresent { ex.responseHeaders.add('Content-Type', it) }
        ex.sendResponseHeaders(answer.statusCode(), answer.body().length ?: -1)
        ex.responseBody.withCloseable { it.write(answer.body()) }
    }
}
