package dev.glaze.shell

import dev.glaze.shell.testing.Markdown
import dev.glaze.shell.testing.Offline
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * docs/guide.md cannot drift: its groovy blocks run, in order, as one script through the shell, as a user runs
 * one (`glaze --local --regions DFW,ORD,IAD guide.groovy`), on a fresh embedded service; they assert what they show.
 */
class GuideSpec extends Specification {
    static final Path ROOT = [Path.of('..'), Path.of('.')].find { Files.isRegularFile(it.resolve('docs/guide.md')) }

    @TempDir Path tmp

    def "every groovy block of docs/guide.md runs, in order, in one script on three offline regions"() {
        given:
        Path doc = ROOT.resolve('docs/guide.md')
        def blocks = Markdown.blocks(doc).findAll { it.info == 'groovy' }
        Path script = Files.writeString(tmp.resolve('guide.groovy'), Markdown.script(doc))

        when:
        def r = Offline.run(tmp, [script.toString()])

        then:
        blocks.size() >= 8
        assert r.code == 0: "exit ${r.code}: ${r.err}\n${r.out}"
        def printed = r.out
        printed =~ /web-base [0-9a-f-]{36}: created \(no data, min_disk 0 → 10, os_distro debian, tags \+ base\)/
        printed.readLines().findAll { it =~ /^web-3 .* copied / }.size() == 2
        printed.contains('2 copied, 0 skipped, 0 would copy, 0 failed')
        printed =~ /web-1 .* would delete  older than the 2 newest/
    }
}
