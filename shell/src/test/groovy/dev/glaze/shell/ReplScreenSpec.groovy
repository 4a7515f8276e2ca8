package dev.glaze.shell

import dev.glaze.shell.testing.Tmux
import spock.lang.IgnoreIf
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * What a person sees at a terminal (tmux, the real ./glaze on the embedded service): completion of an image name,
 * a method over two lines, the coloured table and error line, an await's status line and Ctrl-C during it; and
 * that a pipe gets none of it. Every wait is for text on the screen, with a timeout.
 */
@IgnoreIf(value = { !Tmux.available() }, reason = 'tmux is not installed (apt-get install tmux)')
class ReplScreenSpec extends Specification {
    static final Path ROOT = ReplProcessSpec.ROOT
    static final String ESC = '\u001b'

    @Shared @TempDir Path tmp

    static boolean prompted(String screen) {
        ReplProcessSpec.prompted(screen)
    }

    /** {@code ./glaze ARGS} in tmux, after {@code prefix} (e.g. {@code NO_COLOR=1}), on a data folder of its own. */
    Tmux start(String name, String args = '', String prefix = '') {
        Path home = tmp.resolve(name)
        Files.createDirectories(home)
        Files.writeString(tmp.resolve('clouds.yaml'), 'clouds: {}\n')
        String cmd = "cd '${ROOT}' && ${prefix} ./glaze --local --data '${home.resolve('data')}' ${args}; echo glaze-exited-\$?; sleep 120"
        Tmux.start(cmd, [HOME: home.toString(), JAVA_OPTS: "-Duser.home=${home}".toString(),
                         OS_CLIENT_CONFIG_FILE: tmp.resolve('clouds.yaml').toString()])
    }

    def "Tab completes an image name inside images['; a method over two lines; a bold table; a red error line"() {
        given:
        def tmux = start('complete')
        tmux.waitFor(600, 'the prompt') { prompted(it) }

        when:
        tmux.line("img = images.create(name: 'cirros-0.6', disk_format: 'raw', container_format: 'bare'); img.name")
        tmux.waitFor(60, 'the image') { it.readLines().any { it.trim() == 'cirros-0.6' } && prompted(it) }
        tmux.keys('-l', "images['cir")
        tmux.keys('Tab')

        then: 'the name and the closing quote and bracket'
        tmux.waitFor(30, 'the completed name') { it.readLines().last() == "glaze> images['cirros-0.6']" }

        when:
        tmux.keys('Enter')

        then: 'the image as a table, its status in green'
        def table = tmux.waitFor(30, 'the image table') { s -> s.readLines().any { it ==~ /name\s+cirros-0\.6/ } && prompted(s) }
        table.readLines().any { it ==~ /status\s+queued/ }
        tmux.screenWithStyles().readLines().any { it.contains('status') && it.contains("${ESC}[33mqueued") }

        when: 'a method typed over two lines'
        tmux.line('def sq(n) {')
        tmux.waitFor(30, 'the continuation prompt') { it.readLines().last().startsWith('  ...>') }
        tmux.line('n * n }')
        tmux.waitFor(30, 'the prompt') { prompted(it) && it.readLines()[-2].startsWith('  ...>') }
        tmux.line('sq(7)')

        then:
        tmux.waitFor(30, 'sq(7)') { it.readLines().any { it.trim() == '49' } }

        when: 'the images table'
        tmux.line('images')

        then: 'a bold header'
        tmux.waitFor(30, 'the table') { it.readLines().any { it ==~ /id\s+name\s+status\s+visibility\s+size\s+updated/ } && prompted(it) }
        tmux.screenWithStyles().readLines().any { it.contains("${ESC}[1mid") }

        when: 'an error'
        tmux.line("images['nosuch']")

        then: 'one line, in red'
        def error = tmux.waitFor(30, 'the error line') { s -> s.readLines().any { it.startsWith("glaze: input:1: ") } && prompted(s) }
        error.readLines().find { it.startsWith('glaze: input:1: ') }.contains('nosuch')
        tmux.screenWithStyles().readLines().any { it.contains("${ESC}[31mglaze: input:1: ") }

        cleanup:
        tmux?.close()
    }

    def "an upload shows its bytes and rate; an await the task's status and time; Ctrl-C stops waiting, the task goes on, and can be awaited again"() {
        given: 'tasks whose every step takes 3 s'
        def tmux = start('await', '', 'GLAZE_TASK_DELAY=3s')
        tmux.waitFor(600, 'the prompt') { prompted(it) }
        tmux.line("img = images.create(name: 'disk', disk_format: 'raw', container_format: 'bare'); img.id")
        tmux.waitFor(60, 'the image') { s -> s.readLines().any { it.trim() ==~ /[0-9a-f-]{36}/ } && prompted(s) }

        when: 'an upload from a stream that gives a byte a millisecond, one read at a time'
        tmux.line("slow = new InputStream() { int n; int read() { n++ < 6000 ? 0 : -1 }; " +
                "int read(byte[] b, int off, int len) { if (n >= 6000) return -1; Thread.sleep(1); b[off] = 0; n++; 1 } }; " +
                "img.upload(slow, 6000, null).status")

        then: 'bytes, total, rate and time left, then the result on that line'
        tmux.waitFor(60, 'the upload line') { s -> s.readLines().last() ==~ /upload disk: [\d.]+ (B|KiB) \/ 5\.9 KiB  [\d.]+ (B|KiB)\/s  ETA 0:0\d\s*/ }
        tmux.waitFor(60, 'active') { s -> s.readLines().any { it.trim() == 'active' } && prompted(s) }

        when:
        tmux.line("containers.create('exports'); t = img.export('exports'); t.id")
        def created = tmux.waitFor(60, 'the task id') { s -> s.readLines().count { it.trim() ==~ /[0-9a-f-]{36}/ } == 2 && prompted(s) }
        String id = created.readLines().findAll { it.trim() ==~ /[0-9a-f-]{36}/ }.last().trim()
        tmux.line('t.await()')

        then: 'one status line, whose clock moves'
        tmux.waitFor(30, 'the status line at 0:01 or later') { s ->
            s.readLines().last() ==~ /task ${id.take(8)}… export: (pending|processing), 0:0[1-9]\s*/
        }

        when:
        tmux.keys('C-c')

        then: 'the prompt comes back, and the message says how to get the task back'
        def stopped = tmux.waitFor(30, 'the interruption') { s ->
            s.contains("stopped waiting for task ${id}") && prompted(s)
        }
        // the message is wider than the terminal: it wraps
        stopped.replace('\n', '').contains("it keeps running: get it back with tasks['${id}'].await()")
        !stopped.readLines().any { it.startsWith("task ${id.take(8)}") }

        when: 'waiting again'
        tmux.line("tasks['${id}'].await().status")

        then: 'it ends in success, and the status line is gone: the result is on the line after the command'
        def done = tmux.waitFor(60, 'success') { s -> s.readLines().any { it.trim() == 'success' } && prompted(s) }
        def lines = done.readLines()
        lines[lines.findLastIndexOf { it.contains(".await().status") } + 1].trim() == 'success'

        cleanup:
        tmux?.close()
    }

    def "-e on a terminal colours the table; NO_COLOR and TERM=dumb leave it plain"() {
        when:
        def tmux = start(name, "-e \"images.create(name: 'x', disk_format: 'raw', container_format: 'bare'); images\"", prefix)
        tmux.waitFor(600, 'the end') { it.contains('glaze-exited-0') }
        def styled = tmux.screenWithStyles()

        then:
        tmux.screen().readLines().any { it ==~ /id\s+name\s+status\s+visibility\s+size\s+updated/ }
        styled.contains(ESC) == coloured

        cleanup:
        tmux?.close()

        where:
        name       | prefix       || coloured
        'colour'   | ''           || true
        'no-color' | 'NO_COLOR=1' || false
        'dumb'     | 'TERM=dumb'  || false
    }

    def "-e on a terminal: the await's status line, then the result where it was; a failing -e's error line in red"() {
        given:
        String expression = "def i = images.create(name: 'e', disk_format: 'raw', container_format: 'bare'); " +
                "i.upload(new ByteArrayInputStream(new byte[8]), 8, null); containers.create('e'); " +
                "i.export('e').await().status + '!'"

        when:
        def tmux = start('e-await', "-e \"${expression}\"; ./glaze --local --data '${tmp.resolve('e-await/data')}' -e \"images['nosuch']\"", 'GLAZE_TASK_DELAY=2s')

        then:
        tmux.waitFor(600, 'the status line') { it.readLines().any { it ==~ /task [0-9a-f]{8}… export: (pending|processing), 0:0[1-9]\s*/ } }

        when:
        def done = tmux.waitFor(120, 'the end') { it.contains('glaze-exited-1') }

        then: 'the status line was blanked and the result took its place'
        !done.readLines().any { it.startsWith('task ') }
        done.readLines().any { it.trim() == 'success!' }
        tmux.screenWithStyles().readLines().any { it.contains("${ESC}[31mglaze: expression:1: ") }

        cleanup:
        tmux?.close()
    }

    def "into a pipe: no status line, no colour, nothing on stderr, though the await takes seconds"() {
        given:
        def home = tmp.resolve('piped')
        Files.createDirectories(home)
        String expression = "def img = images.create(name: 'piped', disk_format: 'raw', container_format: 'bare'); " +
                "img.upload(new ByteArrayInputStream(new byte[4096]), 4096, null); containers.create('exports'); " +
                "img.export('exports').await(); images"
        def pb = new ProcessBuilder(ROOT.resolve('glaze').toString(), '--local', '--data', home.resolve('data').toString(),
                '-e', expression)
        pb.environment().putAll([GLAZE_TASK_DELAY: '1s', TERM: 'xterm-256color', JAVA_OPTS: "-Duser.home=${home}".toString()])
        pb.environment().remove('NO_COLOR')

        when:
        def p = pb.start()
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def readers = [Thread.start { out << p.inputStream }, Thread.start { err << p.errorStream }]
        boolean ended = p.waitFor(600, TimeUnit.SECONDS)
        readers*.join()
        def lines = out.toString('UTF-8').readLines()

        then: 'the table, and nothing else'
        ended
        p.exitValue() == 0
        lines.size() == 2
        lines[0] ==~ /id\s+name\s+status\s+visibility\s+size\s+updated/
        lines[1] ==~ /[0-9a-f-]{36}  piped\s+active\s+private\s+4\.0 KiB  \S+/
        // the launcher may say it builds first; glaze itself says nothing
        err.toString('UTF-8').readLines().every { it.startsWith('glaze: building') }
    }

    def "a REPL whose input is a pipe prints no colour, even for an error"() {
        given:
        def home = tmp.resolve('repl-piped')
        Files.createDirectories(home)
        def input = home.resolve('input.txt')
        Files.writeString(input, "images['nosuch']\nimages\n:exit\n")
        def pb = new ProcessBuilder(ROOT.resolve('glaze').toString(), '--local', '--data', home.resolve('data').toString())
                .redirectInput(input.toFile()).redirectErrorStream(true)
        pb.environment().putAll([TERM: 'xterm-256color', JAVA_OPTS: "-Duser.home=${home}".toString()])
        pb.environment().remove('NO_COLOR')

        when:
        def p = pb.start()
        String text = p.inputStream.getText('UTF-8')
        boolean ended = p.waitFor(600, TimeUnit.SECONDS)

        then:
        ended
        p.exitValue() == 0
        text.readLines().any { it.contains("glaze: input:1: ") && it.contains('nosuch') }
        text.readLines().any { it ==~ /.*id\s+name\s+status\s+visibility\s+size\s+updated/ }
        !text.contains(ESC)
    }
}
