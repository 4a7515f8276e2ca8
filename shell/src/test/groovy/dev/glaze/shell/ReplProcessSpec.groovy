package dev.glaze.shell

import dev.glaze.shell.testing.Tmux
import spock.lang.IgnoreIf
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The REPL as a user meets it: the real ./glaze launcher in a terminal (tmux), on the embedded image service.
 * The first launch may build the distribution, so the first wait is long; later waits poll the screen.
 */
@IgnoreIf(value = { !Tmux.available() }, reason = 'tmux is not installed (apt-get install tmux)')
class ReplProcessSpec extends Specification {
    static final Path ROOT = [Path.of('').toAbsolutePath(), Path.of('').toAbsolutePath().parent]
            .find { Files.isExecutable(it.resolve('glaze')) && Files.exists(it.resolve('shell')) }

    @Shared @TempDir Path tmp

    /** The last line is the prompt (tmux drops its trailing space). */
    static boolean prompted(String screen) {
        screen.readLines() && screen.readLines().last().startsWith('glaze>')
    }

    Tmux start(Path home) {
        Files.createDirectories(home)
        Files.writeString(tmp.resolve('clouds.yaml'), 'clouds: {}\n')
        String cmd = "cd '${ROOT}' && ./glaze --local --data '${tmp.resolve('data')}'; echo glaze-exited-\$?; sleep 120"
        // Java takes the home folder from the password database, not HOME: user.home keeps the history here
        Tmux.start(cmd, [HOME: home.toString(), JAVA_OPTS: "-Duser.home=${home}".toString(),
                         OS_CLIENT_CONFIG_FILE: tmp.resolve('clouds.yaml').toString()])
    }

    def "variables, a two-line closure, the image table, and :exit"() {
        given:
        def home = tmp.resolve('home')
        def tmux = start(home)

        when: 'the prompt comes (the first launch builds)'
        tmux.waitFor(600, 'the prompt') { prompted(it) }

        and:
        tmux.line('x = 21')
        tmux.waitFor(30, 'x = 21') { it.readLines().any { it.trim() == '21' } && prompted(it) }
        tmux.line('x * 2')

        then:
        tmux.waitFor(60, '42') { it.readLines().any { it.trim() == '42' } }

        when: 'an unfinished closure asks for more'
        tmux.line('f = { a ->')

        then:
        tmux.waitFor(30, 'the continuation prompt') { it.readLines().last().startsWith('  ...>') }

        when:
        tmux.line('a + 1 }')
        tmux.waitFor(30, 'the closure') { it.contains('_closure') && prompted(it) }
        tmux.line('f(41)')

        then:
        tmux.waitFor(30, 'f(41) = 42') { it.readLines().count { it.trim() == '42' } == 2 }

        when:
        tmux.line('images')

        then:
        tmux.waitFor(60, 'the table header') { it.readLines().any { it ==~ /id\s+name\s+status\s+visibility\s+size\s+updated/ } }

        when: 'a line with a secret in it'
        tmux.waitFor(30, 'the prompt') { prompted(it) }
        tmux.line("password = 'hunter2'")
        tmux.waitFor(30, 'the assignment') { it.readLines().any { it.trim() == 'hunter2' } && prompted(it) }
        tmux.line(':exit')

        then:
        tmux.waitFor(30, 'the exit') { it.contains('glaze-exited-0') }
        def history = Files.readString(home.resolve('.glaze/history'))
        history.contains('x * 2')
        !history.contains('hunter2')

        cleanup:
        tmux?.close()
    }

    def "Ctrl-C cancels a running evaluation and the prompt comes back; Tab completes; Ctrl-D leaves"() {
        given:
        def tmux = start(tmp.resolve('home2'))
        tmux.waitFor(600, 'the prompt') { prompted(it) }

        when:
        // Ctrl-C once the line runs (not while it compiles): its first output says so
        tmux.line("println 'sleeping'; Thread.sleep(60000); 1")
        tmux.waitFor(60, 'the line running') { it.readLines().any { it.trim() == 'sleeping' } }
        tmux.keys('C-c')

        then:
        tmux.waitFor(30, 'the interruption') { it.contains('glaze: input:1: interrupted') }

        when:
        tmux.waitFor(30, 'the prompt') { prompted(it) }
        tmux.line('6 * 7')

        then:
        tmux.waitFor(30, '42') { it.readLines().any { it.trim() == '42' } }

        when: 'Tab completes a bound name; Ctrl-C drops the half-typed line'
        tmux.keys('-l', 'ima')
        tmux.keys('Tab')

        then:
        tmux.waitFor(30, 'the completion') { it.readLines().last() == 'glaze> images' }

        when:
        tmux.keys('-l', '.fi')
        tmux.keys('Tab')

        then:
        tmux.waitFor(30, 'the member list') { s -> ['find', 'findAll', 'first'].every { s.contains(it) } }

        when:
        tmux.keys('C-c')

        then:
        tmux.waitFor(30, 'an empty prompt') { it.readLines().last() == 'glaze>' }

        when:
        tmux.keys('C-d')

        then:
        tmux.waitFor(30, 'the exit') { it.contains('glaze-exited-0') }

        cleanup:
        tmux?.close()
    }
}
