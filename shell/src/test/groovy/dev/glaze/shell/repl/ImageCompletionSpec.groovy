package dev.glaze.shell.repl

import dev.glaze.core.Cloud
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import org.jline.reader.Candidate
import org.jline.reader.Parser
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Path

/** Tab inside images['...: image names from one cached listing request; after a dot on an image, its properties. */
class ImageCompletionSpec extends Specification {
    @Shared @TempDir Path tmp
    @Shared @AutoCleanup ImageService service
    @Shared String url
    List<String> log = []
    long now = 0

    def setupSpec() {
        service = ImageService.start(ServiceConfig.builder(tmp.resolve('data')).port(0).profile(Profile.RACKSPACE).build())
        url = service.url()
        def cloud = Cloud.builder().endpoint(url).project('local').build()
        ['cirros', 'centos 9', 'ubuntu', "it's"].each {
            cloud.images().create(name: it, disk_format: 'raw', container_format: 'bare', os_distro: 'linux')
        }
    }

    BindingCompleter completer(String endpoint = url) {
        def cloud = Cloud.builder().endpoint(endpoint).project('local').httpLog { log << it }.build()
        def eval = new GroovyEvaluator(cloud, [], new PrintStream(new ByteArrayOutputStream()))
        eval.evaluate("img = images['cirros']", 'input')
        log.clear()
        // runs the request on the calling thread: the spec's clock decides what is fresh
        new BindingCompleter(eval.binding(), new ImageNames({ it.run() }, { now }))
    }

    /** What Tab offers for {@code line} with the cursor at its end: what replaces the word at the cursor. */
    static List<String> tab(BindingCompleter c, String line) {
        def parsed = new GroovyInputParser().parse(line, line.length(), Parser.ParseContext.COMPLETE)
        List<Candidate> out = []
        c.complete(null, parsed, out)
        out*.value()
    }

    def "images[' and images[\" offer the names that start with what is typed, and close the string"() {
        given:
        def c = completer()

        expect:
        // the word at the cursor is what follows the quote (or the last space): Tab replaces it
        tab(c, "images['c") == ["centos 9']", "cirros']"]
        tab(c, 'x = images["ci') == ['cirros"]']
        tab(c, "images['") == ["centos 9']", "cirros']", "ubuntu']"]     // not it's: it would need an escape
        tab(c, "images['centos ") == ["9']"]
        tab(c, "tasks['c") == []
    }

    def "Tab after Tab sends one listing request; a later Tab, after a few seconds, asks again"() {
        given:
        def c = completer()

        when:
        tab(c, "images['c")
        tab(c, "images['u")

        then:
        log.count { it.startsWith('> GET') && it.contains('/v2/images') } == 1

        when:
        now += ImageNames.FRESH_MS + 1
        tab(c, "images['u")

        then:
        log.count { it.startsWith('> GET') && it.contains('/v2/images') } == 2
    }

    def "a service that cannot be reached completes nothing, and throws nothing"() {
        expect:
        // nothing listens on port 9 of the loopback
        def cloud = Cloud.builder().endpoint('http://127.0.0.1:9').project('local').build()
        def eval = new GroovyEvaluator(cloud, [], new PrintStream(new ByteArrayOutputStream()))
        tab(new BindingCompleter(eval.binding()), "images['c") == []
    }

    @Timeout(20)
    def "a service that does not answer holds Tab for about a second, then completes nothing"() {
        given:
        def silent = new ServerSocket(0, 50, InetAddress.loopbackAddress)
        def held = []
        Thread.startDaemon { while (!silent.closed) { try { held << silent.accept() } catch (IOException e) { } } }
        def cloud = Cloud.builder().endpoint("http://127.0.0.1:${silent.localPort}").project('local').build()
        def eval = new GroovyEvaluator(cloud, [], new PrintStream(new ByteArrayOutputStream()))
        def c = new BindingCompleter(eval.binding())

        expect:
        tab(c, "images['c") == []

        cleanup:
        silent?.close()
    }

    def "after a dot on an image: its attributes and its own properties, with no request"() {
        given:
        def c = completer()

        when:
        def os = c.complete('img.os_')
        def disk = c.complete('img.disk')

        then:
        os.contains('img.os_distro')
        disk.containsAll(['img.disk_format', 'img.diskFormat'])
        c.complete('img.na').contains('img.name')
        log.isEmpty()
    }
}
