package dev.glaze.core.groovy

import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

/**
 * The library as a script sees it: plain Groovy over the Java classes, with the extension module's closures,
 * named arguments, durations and sizes. Each case is evaluated by a GroovyShell, as the REPL will.
 */
class GroovyDslSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')
    @Shared def cloud = glance.cloud()

    def setupSpec() {
        cloud.images().create(name: 'Ubuntu 22.04', minDisk: 10, tags: ['base'], os_distro: 'ubuntu')
        cloud.images().create(name: 'Ubuntu 24.04', minDisk: 25, tags: ['base'], os_distro: 'ubuntu')
        cloud.images().create(name: 'Debian 12', minDisk: 30, os_distro: 'debian')
    }

    Object run(String script) {
        new GroovyShell(new Binding(images: cloud.images(), cloud: cloud)).evaluate(script)
    }

    def "Groovy's collection methods work on the lazy listing"() {
        expect:
        run("images.find { it.name =~ /Ubuntu/ }.name") =~ /Ubuntu/
        run("images.where(status: 'queued').findAll { it.minDisk > 20 }*.name.sort()") == ['Debian 12', 'Ubuntu 24.04']
        run("images.where(tag: 'base') { it.minDisk > 20 }*.name") == ['Ubuntu 24.04']
        run("images.count { it.os_distro == 'ubuntu' }") == 2
        run("images.groupBy { it.os_distro }.collectEntries { k, v -> [k, v.size()] }") == [ubuntu: 2, debian: 1]
        run("images['Debian 12'].minDisk") == 30
    }

    def "update { } with the image as delegate, tags += and new properties by subscript"() {
        when:
        run("""
            def img = images['Debian 12']
            img.update {
                minDisk = 40
                tags += 'gold'
                delegate['release'] = '12.5'
            }
        """)
        def fresh = cloud.images().named('Debian 12')

        then:
        fresh.minDisk == 40
        fresh.tags == ['gold']
        fresh.release == '12.5'
    }

    def "durations and sizes read as English"() {
        expect:
        run('30.minutes') == Duration.ofMinutes(30)
        run('1.5.hours') == Duration.ofMinutes(90)
        run('10.seconds + 500.millis') == Duration.ofMillis(10_500)
        run('2.GiB') == 2L * 1024 * 1024 * 1024
        run('2.GB') == 2_000_000_000L
        run('512.MiB') == 512L * 1024 * 1024
    }

    def "upload and download with named arguments and a progress closure"() {
        given:
        def dir = java.nio.file.Files.createTempDirectory('dsl')
        def source = dir.resolve('disk.raw').toFile()
        source.bytes = new byte[3 * 1024 * 1024].tap { new Random(7).nextBytes(it) }
        def binding = new Binding(images: cloud.images(), source: source.path, dir: dir.toString())

        when:
        def result = new GroovyShell(binding).evaluate("""
            def seen = []
            def img = images.create(name: 'dsl-data', diskFormat: 'raw', containerFormat: 'bare')
            img.upload(file: source, progress: { seen << it.bytes })
            def file = img.download(to: dir + '/copy.raw', progress: { seen << it.bytes })
            [img.status, img.size, file.toFile().bytes == new File(source).bytes, seen.last()]
        """)

        then:
        result == ['active', 3 * 1024 * 1024, true, 3 * 1024 * 1024]

        when:
        new GroovyShell(binding).evaluate("images['dsl-data'].download(to: dir + '/copy.raw', colour: 'red')")

        then:
        def e = thrown(dev.glaze.core.GlazeException)
        e.message.contains("colour")

        cleanup:
        dir.toFile().deleteDir()
    }

    def "a typo on a listing is Groovy's MissingPropertyException, not a request for an image called so"() {
        when:
        run('images.frist')

        then:
        thrown(MissingPropertyException)
    }
}
