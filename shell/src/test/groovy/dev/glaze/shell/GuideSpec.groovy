package dev.glaze.shell

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

    static List<Map> groovyBlocks(Path doc) {
        List<Map> out = []
        Map current = null
        Files.readAllLines(doc).eachWithIndex { String line, int i ->
            if (current == null && line.startsWith('```')) {
                current = [info: line.substring(3).trim(), line: i + 2, text: new StringBuilder()]
            } else if (current != null && line.startsWith('```')) {
                if (current.info == 'groovy') {
                    out << current
                }
                current = null
            } else if (current != null) {
                current.text << line << '\n'
            }
        }
        out
    }

    def "every groovy block of docs/guide.md runs, in order, in one script on three offline regions"() {
        given:
        def blocks = groovyBlocks(ROOT.resolve('docs/guide.md'))
        Path script = tmp.resolve('guide.groovy')
        Files.writeString(script, blocks.collect { "// docs/guide.md line ${it.line}\n${it.text}" }.join('\n'))
        Path yaml = tmp.resolve('clouds.yaml')
        Files.writeString(yaml, 'clouds: {}\n')
        def env = [OS_CLIENT_CONFIG_FILE: yaml.toString(), GLAZE_SCRIPT_CACHE: 'off', GLAZE_TASK_DELAY: '0s',
                   GLAZE_TASK_JOURNAL: tmp.resolve('tasks.jsonl').toString()]
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()

        when:
        int code = Main.run(['--local', '--data', tmp.resolve('data').toString(), '--regions', 'DFW,ORD,IAD',
                             script.toString()] as String[], new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), env)

        then:
        blocks.size() >= 8
        code == 0 || { throw new AssertionError("exit ${code}: ${err.toString('UTF-8')}\n${out.toString('UTF-8')}") }()
        def printed = out.toString('UTF-8')
        printed =~ /web-base [0-9a-f-]{36}: created \(no data, min_disk 0 → 10, os_distro debian, tags \+ base\)/
        printed.readLines().findAll { it =~ /^web-3 .* copied / }.size() == 2
        printed.contains('2 copied, 0 skipped, 0 would copy, 0 failed')
        printed =~ /web-1 .* would delete  older than the 2 newest/
    }
}
