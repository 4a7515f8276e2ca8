package dev.glaze.shell

import dev.glaze.shell.testing.DumbRepl
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The REPL's commands in-process: lines typed into a dumb terminal, what it prints back, on the embedded image
 * service chosen as the shell chooses it.
 */
class ReplCommandsSpec extends Specification {
    @TempDir Path tmp

    String session(String input) {
        Path yaml = tmp.resolve('clouds.yaml')
        Files.writeString(yaml, '''clouds:
  lab:
    auth:
      auth_url: http://127.0.0.1:9/v3
      username: someone
      password: not-a-real-one
      project_name: lab
''')
        def env = [OS_CLIENT_CONFIG_FILE: yaml.toString(), GLAZE_TASK_JOURNAL: tmp.resolve('tasks.jsonl').toString()]
        def selector = new CloudSelector(env, tmp.resolve('data'), new PrintStream(new ByteArrayOutputStream(), true, 'UTF-8'), false)
        DumbRepl.run(selector.select(true, null, null), input, tmp.resolve('home/.glaze/history'))
    }

    def ":help shows examples and the commands; :exit leaves"() {
        when:
        def screen = session(':help\n:exit\n1 + 1\n')

        then:
        screen.contains("images.find { it.name =~ /Ubuntu/ }")
        [':help', ':exit', ':format table|json', ':trace', ':clouds', ':use CLOUD [REGION]', ':load FILE'].every {
            screen.contains(it)
        }
        !screen.contains('\n2\n')         // nothing after :exit ran
    }

    def "a task left unawaited in one session is named when the next begins, and resumed from there"() {
        // the embedded service stops with the session, so its task ends as failed; resuming tells how it ended
        given:
        def first = session("""containers.create('in').upload('x.vhd', new ByteArrayInputStream(('conectix' * 100).bytes), 800)
t = tasks.importImage(from: 'in/x.vhd', name: 'later')
println "made " + t.id
""")
        String id = (first =~ /made ([0-9a-f-]{36})/)[0][1]

        when:
        def second = session("println tasks.resumeAll()\nprintln tasks.unfinished\n")
        def third = session("1 + 1\n")

        then:
        !first.contains('left unawaited')
        second.contains('glaze: 1 task of this cloud left unawaited earlier: tasks.unfinished lists it, tasks.resumeAll() waits for it')
        second.contains("failed        ${id}  import  The image service stopped while this task was running; run it again.")
        second.readLines().findAll { it.startsWith('glaze> ') }[1] == 'glaze> []'    // tasks.unfinished
        !third.contains('left unawaited')
    }

    def ":format json switches results to JSON and :format table back"() {
        when:
        def screen = session(":format json\n[a: 1]\n:format table\n[a: 1]\n:format xml\n")

        then:
        screen.contains('{\n    "a": 1\n}')
        screen.contains('> a  1\n')          // a dumb terminal does not echo what is typed
        screen.contains('glaze: :format takes table or json; now table')
    }

    def ":trace shows the last error's stack trace; errors themselves are one line and the line in question"() {
        when:
        def screen = session(":trace\nthrow new IllegalStateException('boom')\n:trace\n")

        then:
        screen.contains('no error yet')
        screen.contains("glaze: input:1: IllegalStateException: boom\n  throw new IllegalStateException('boom')")
        screen.contains('java.lang.IllegalStateException: boom\n')
        screen.contains('at input.run(input:1)')
    }

    def ":clouds lists clouds.yaml and the cloud in use; :use switches and rebinds images, :use local comes back"() {
        when:
        def screen = session(":clouds\nclouds\n:use lab\ncloud.displayName\n:use nosuch\n:use local\ncloud.imageEndpoint.host\n")

        then:
        screen.contains('clouds.yaml: lab')
        screen.contains('in use: the embedded image service at http://127.0.0.1:')
        screen.contains('[lab]')
        screen.contains("using cloud 'lab'")
        screen.contains('> lab\n')
        !screen.contains('not-a-real-one')
        screen.contains("glaze: no cloud 'nosuch' in clouds.yaml")
        screen.contains('using the embedded image service at http://127.0.0.1:')
        screen.contains('> 127.0.0.1\n')
    }

    def ":load runs a file in the same context; a missing file is one line"() {
        given:
        Path file = tmp.resolve('setup.groovy')
        Files.writeString(file, "def greeting = 'hello'\nprintln 'loaded'\n")

        when:
        def screen = session(":load ${file}\ngreeting * 2\n:load ${tmp.resolve('nope.groovy')}\n")

        then:
        screen.contains('loaded\n')
        screen.contains('hellohello')
        screen.contains("glaze: no file ${tmp.resolve('nope.groovy')}")
    }

    def "a multi-line closure and a def survive to the next lines; a secret line is kept out of the history"() {
        when:
        def screen = session("def f = { a ->\na * 2\n}\nf(21)\napiKey = 'k-123'\n")
        def history = Files.readString(tmp.resolve('home/.glaze/history'))

        then:
        screen.contains('> 42\n')
        history.contains('f(21)')
        !history.contains('k-123')
    }
}
