package dev.glaze.core.docs

import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * docs/library.md cannot drift: its groovy blocks run, in order, in one shell against the embedded service
 * (Rackspace profile, with Cloud Files); "groovy not-run" blocks (they need a real cloud) must at least compile;
 * java blocks must be lines of JavaUsage.java, which JavaApiSpec runs.
 */
class DocsSpec extends Specification {
    static final Path ROOT = [Path.of('..'), Path.of('.')].find { Files.isRegularFile(it.resolve('docs/library.md')) }
    static final Path DOC = ROOT.resolve('docs/library.md')

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'rackspace', regions: ['DFW', 'ORD', 'IAD'])

    static List<Map> blocks(Path doc = DOC) {
        List<Map> out = []
        Map current = null
        Files.readAllLines(doc).eachWithIndex { String line, int i ->
            if (current == null && line.startsWith('```')) {
                current = [info: line.substring(3).trim(), line: i + 2, text: new StringBuilder()]
            } else if (current != null && line.startsWith('```')) {
                out << current
                current = null
            } else if (current != null) {
                current.text << line << '\n'
            }
        }
        out
    }

    def setupSpec() {
        seed(glance)
    }

    static void seed(Emulator service) {
        def cloud = service.cloud()
        def data = new byte[256 * 1024]
        new Random(3).nextBytes(data)
        def ubuntu = cloud.images().create(name: 'Ubuntu 24.04', diskFormat: 'vhd', containerFormat: 'ovf', minDisk: 25,
                tags: ['base', 'linux'], os_distro: 'ubuntu')
        ubuntu.upload(new ByteArrayInputStream(data), data.length, null)
        def debian = cloud.images().create(name: 'Debian 12', diskFormat: 'vhd', containerFormat: 'ovf', minDisk: 10,
                tags: ['base'])
        debian.upload(new ByteArrayInputStream(data), data.length, null)
        cloud.images().create(name: 'web-gold', diskFormat: 'vhd', containerFormat: 'ovf')
        cloud.containers().create('exports').upload('web.vhd', new ByteArrayInputStream(data), data.length)
    }

    def "every groovy block of docs/library.md runs, in order, against the embedded service"() {
        given: 'signed in through the service\'s identity, which answers any sign-in with a catalog of its regions'
        def cloud = dev.glaze.core.Cloud.builder().region('DFW').authenticator(
                dev.glaze.core.auth.Authenticators.rackspaceApiKey("${glance.url}/v2.0", 'docs', 'any-key')).build()
        def shell = new GroovyShell(new Binding(cloud: cloud, images: cloud.images(), tasks: cloud.tasks(),
                containers: cloud.containers()))
        def runnable = blocks().findAll { it.info == 'groovy' }
        // one script, so that variables flow from block to block as in a REPL session
        def script = runnable.collect { "// docs/library.md line ${it.line}\n${it.text}" }.join('\n')

        expect:
        runnable.size() >= 8
        shell.evaluate(script) != null || true
    }

    def "blocks that need a real cloud compile"() {
        expect:
        blocks().findAll { it.info == 'groovy not-run' }.each { new GroovyShell().parse(it.text as String) }
    }

    def "java blocks are lines of JavaUsage.java"() {
        given:
        def source = Files.readAllLines(ROOT.resolve("core/src/test/java/dev/glaze/core/JavaUsage.java"))*.trim() as Set

        expect:
        blocks().findAll { it.info == 'java' }.every { block ->
            block.text.readLines()*.trim().findAll { it }.every { it in source }
        }
    }

    def "the README's library example runs against a fresh embedded service"() {
        given:
        def fresh = Emulator.start(profile: 'rackspace')
        seed(fresh)
        def block = blocks(ROOT.resolve('README.md')).find { it.info == 'groovy' }
        def script = block.text.toString().replace('http://127.0.0.1:9292', fresh.url.toString())

        when:
        def location = new GroovyShell().evaluate(script)

        then:
        location ==~ /exports\/[0-9a-f-]{36}\.vhd/

        cleanup:
        fresh?.close()
    }
}
