package dev.glaze.shell

import dev.glaze.shell.testing.ServeProcess
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * glaze -e and glaze SCRIPT in-process against the embedded image service (--local, a fresh --data): what the user
 * sees on stdout and stderr, and the exit codes 0, 1, 2 and 3.
 */
class RunSpec extends Specification {
    @Shared @TempDir
    Path tmp

    /** No real cloud of the machine may leak in: an empty clouds.yaml, and no OS_* variables. */
    Map<String, String> env() {
        Path yaml = tmp.resolve('clouds.yaml')
        if (!Files.exists(yaml)) {
            Files.writeString(yaml, 'clouds: {}\n')
        }
        [OS_CLIENT_CONFIG_FILE: yaml.toString(), COLUMNS: '100', GLAZE_SCRIPT_CACHE: tmp.resolve('cache').toString(),
         GLAZE_TASK_JOURNAL: tmp.resolve('tasks.jsonl').toString()]
    }

    Map run(List<String> args, Map<String, String> env = env()) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int code = Main.run(args as String[], new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'),
                env)
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    List<String> local(String... args) {
        ['--local', '--data', tmp.resolve('data').toString()] + (args as List)
    }

    def "-e and scripts keep their compiled classes in GLAZE_SCRIPT_CACHE; 'off' keeps none"() {
        given:
        Path cache = tmp.resolve('cache-of-this-test')
        Path script = Files.writeString(tmp.resolve('cached.groovy'), 'println "hello ${args[0]}"\n')

        when:
        def runs = (1..2).collect { run(local('-e', '"cached " + (20 + 22)'), env() + [GLAZE_SCRIPT_CACHE: cache.toString()]) }
        def scripts = (1..2).collect { run(local(script.toString(), 'you'), env() + [GLAZE_SCRIPT_CACHE: cache.toString()]) }
        def off = run(local('-e', '"not cached"'), env() + [GLAZE_SCRIPT_CACHE: 'off'])

        then:
        runs*.out == ['cached 42\n', 'cached 42\n']
        scripts*.out == ['hello you\n', 'hello you\n']
        off.out == 'not cached\n'
        Files.list(cache).withCloseable { it.count() } == 2
    }

    def "--regions gives the embedded service several regions: regions, regions['ORD'] and replicate between them"() {
        given:
        def args = ['--local', '--data', tmp.resolve('regions-data').toString(), '--regions', 'DFW,ORD,IAD']
        def script = Files.writeString(tmp.resolve('replicate.groovy'), '''
            def img = images.create(name: 'base', disk_format: 'vhd', container_format: 'ovf')
            img.upload(new ByteArrayInputStream(new byte[5000]), 5000, null)
            def first = img.refresh().replicate(to: ['ORD', 'IAD'])
            def second = img.replicate(to: regions)
            println "${first.count(dev.glaze.core.replication.ReplicationReport.Outcome.COPIED)} copied, then ${second.count(dev.glaze.core.replication.ReplicationReport.Outcome.SKIPPED)} skipped"
            println regions.collect { "${it.region.get()}: ${it.images*.name}" }.join('; ')
            println regions['IAD'].images.toList().size()
            '''.stripIndent())

        when:
        def r = run(args + [script.toString()])

        then:
        r.code == 0
        r.out == '2 copied, then 3 skipped\nDFW: [base]; ORD: [base]; IAD: [base]\n1\n'
    }

    def "--regions with a bad name, and clouds.NAME of a cloud clouds.yaml does not have, are one-line errors"() {
        when:
        def bad = run(local('--regions', 'DFW,,ORD', '-e', '1'))
        def unknown = run(local('-e', 'clouds.nosuch.images'))

        then:
        bad.code == 2
        bad.err.startsWith('glaze: --regions: ')
        bad.err.readLines().size() == 1
        unknown.code == 3
        unknown.err.readLines()[0] == "glaze: expression:1: no cloud 'nosuch' in clouds.yaml; it has none (see docs/cli.md, choosing the cloud)"
    }

    def "tasks.history lists the tasks of earlier runs from the journal; tasks.onFinished hears an await end"() {
        given:
        run(local('-e', "containers.create('in').upload('a.vhd', new ByteArrayInputStream(('conectix' * 64).bytes), 512)"))
        def first = run(local('-e', "tasks.importImage(from: 'in/a.vhd', name: 'journaled').await().id"))

        when: 'a later process: the task of the first is in the history, as the first saw it end'
        def later = run(local('-e', """
            def heard = new java.util.concurrent.LinkedBlockingQueue()
            tasks.onFinished { t -> heard << t.status }
            tasks.importImage(from: 'in/a.vhd', name: 'heard').await()
            def entry = tasks.history.find { it.id() == '${first.out.trim()}' }
            [entry.type(), entry.status(), entry.input().import_from,
             [heard.poll(10, java.util.concurrent.TimeUnit.SECONDS)], tasks.history[0].input().image_properties.name]
            """))

        then:
        first.code == 0
        later.code == 0
        later.out.trim() == '[import, success, in/a.vhd, [success], heard]'
    }

    def "a script's print without a newline is shown"() {
        given:
        def script = Files.writeString(tmp.resolve('prints.groovy'), 'print "no newline"\n')

        expect:
        run(local(script.toString())).out == 'no newline'
    }

    def "-e keeps the quotes of its value: a Groovy string literal stays one"() {
        when:
        def r = run(local('-e', '"hi"'))

        then:
        r.code == 0
        r.out == 'hi\n'
    }

    def "-e '1 + 1' prints 2 and exits 0"() {
        when:
        def r = run(local('-e', '1 + 1'))

        then:
        r.code == 0
        r.out == '2\n'
        r.err == ''
    }

    def "-e listing images prints a table with its header, sizes in binary units"() {
        given:
        run(local('-e', "images.create(name: 'web-gold', disk_format: 'vhd', container_format: 'ovf')" +
                ".upload(new ByteArrayInputStream(new byte[3 * 1024 * 1024]), 3 * 1024 * 1024, null)"))

        when:
        def r = run(local('-e', 'images'))
        def lines = r.out.readLines()

        then:
        r.code == 0
        lines[0].split(/\s+/) as List == ['id', 'name', 'status', 'visibility', 'size', 'updated']
        lines.find { it.contains('web-gold') } =~ /web-gold\s+active\s+private\s+3\.0 MiB\s+20\d\d-/
        lines.every { it.length() <= 100 }
    }

    def "--json -e prints pretty JSON: an array of images"() {
        when:
        def r = run(local('--json', '-e', "images.findAll { it.name == 'web-gold' }"))
        def parsed = new groovy.json.JsonSlurper().parseText(r.out)

        then:
        r.code == 0
        r.out.startsWith('[')
        r.out.readLines().size() > 5          // pretty-printed, one member a line
        parsed*.name == ['web-gold']
        parsed[0].status == 'active'
    }

    def "a script file runs with its arguments as args, println on stdout, after a #! line"() {
        given:
        Path script = tmp.resolve('hello.groovy')
        Files.writeString(script, '#!/usr/bin/env glaze\nprintln "hello ${args[0]} and ${args[1]} (${args.length})"\n' +
                'def n = images.count { true }\nprintln "images: ${n >= 0}"\n')

        when:
        def r = run(local(script.toString(), 'a', 'b c'))

        then:
        r.code == 0
        r.out == 'hello a and b c (2)\nimages: true\n'
        r.err == ''
    }

    def "a script that throws exits 1 with file:line, the message and the line in question"() {
        given:
        Path script = tmp.resolve('fails.groovy')
        Files.writeString(script, "def x = 1\n\nthrow new IllegalStateException('out of disks')\n")

        when:
        def r = run(local(script.toString()))

        then:
        r.code == 1
        r.out == ''
        r.err.readLines()[0] == 'glaze: fails.groovy:3: IllegalStateException: out of disks'
        r.err.readLines()[1] == "  throw new IllegalStateException('out of disks')"
    }

    def "an API error in -e exits 1 with method, URL, status and the server's message"() {
        when:
        def r = run(local('-e', "images.create(name: 'x', disk_format: 'floppy', container_format: 'bare')"))

        then:
        r.code == 1
        r.err.readLines()[0] ==~ /glaze: expression:1: POST http:\/\/127\.0\.0\.1:\d+\/v2\/images: 400 Bad Request: .*floppy.*/
    }

    def "a syntax error exits 1 with line, column and a caret under the spot"() {
        given:
        Path script = tmp.resolve('broken.groovy')
        Files.writeString(script, "println 'fine'\nx = [1, 2\ny = 3 +* 4\n")

        when:
        def r = run(local(script.toString()))
        def lines = r.err.readLines()

        then:
        r.code == 1
        r.out == ''                    // nothing ran
        lines[0] ==~ /glaze: broken\.groovy:3:\d+: .+/
        lines[1] == '  y = 3 +* 4'
        lines[2] ==~ / +\^/
    }

    def "the caret of an -e syntax error points at the column"() {
        when:
        def r = run(local('-e', '1 +'))
        def lines = r.err.readLines()

        then:
        r.code == 1
        lines[0].startsWith('glaze: expression:1:')
        lines[1] == '  1 +'
        lines[2].endsWith('^')
    }

    def "bad usage exits 2: #why"() {
        when:
        def r = run(args)

        then:
        r.code == 2
        r.err.readLines().size() == 1
        r.err.contains(says)

        where:
        why                    | args                                                 || says
        'an unknown option'    | ['--nope', '-e', '1']                                || "unknown option '--nope'"
        'a missing script'     | ['--local', '/no/such/job.groovy']                   || 'script file /no/such/job.groovy does not exist'
        'a bad --data'         | ['--data', '', '-e', '1']                            || '--data needs a folder name'
    }

    def "an unknown --cloud exits 3 naming the cloud and where it looked"() {
        when:
        def r = run(['--cloud', 'nosuch', '-e', '1'])

        then:
        r.code == 3
        r.err.readLines().size() == 1
        r.err.startsWith("glaze: no cloud 'nosuch' in clouds.yaml")
        r.err.contains('known clouds: none')
    }

    def "a script whose cloud settings fail exits 3, as the command line's would"() {
        when:
        def r = run(local('-e', "Cloud.named('elsewhere')"))

        then:
        r.code == 3
        r.err.readLines()[0].startsWith("glaze: expression:1: no cloud 'elsewhere' in clouds.yaml")
    }

    def "GLAZE_TASK_DELAY slows the embedded service's tasks; a value that is no duration exits 3 naming it"() {
        given:
        def e = env() + [GLAZE_TASK_DELAY: '1s']
        String export = "def i = images.create(name: 'slow', disk_format: 'raw', container_format: 'bare'); " +
                "i.upload(new ByteArrayInputStream(new byte[8]), 8, null); containers.create('slow'); " +
                "def seen = []; i.export('slow').await(poll: 0.1, maxPoll: 0.1, factor: 1, onPoll: { seen << it.status }); seen.count('processing') > 5"

        expect: 'with steps of 1 s, looks every 0.1 s find the task processing many times'
        run(local('-e', export), e) == [code: 0, out: 'true\n', err: '']

        when:
        def r = run(local('-e', '1'), env() + [GLAZE_TASK_DELAY: 'soon'])

        then:
        r.code == 3
        r.err == "glaze: GLAZE_TASK_DELAY takes a duration such as 250ms, 30s, 5m or 24h, not 'soon'\n"
    }

    def "an environment that does not describe a cloud exits 3 and names the variable"() {
        when:
        def r = run(['-e', '1'], env() + [OS_AUTH_URL: 'not a url', OS_PASSWORD: 'hunter2'])

        then:
        r.code == 3
        r.err.readLines().size() == 1
        r.err.contains('OS_AUTH_URL')
        !r.err.contains('hunter2')
    }

    def "with no cloud configured the embedded service is used and announced in one line on stderr"() {
        when:
        def r = run(['--data', tmp.resolve('data').toString(), '-e', 'cloud.imageEndpoint.host'])

        then:
        r.code == 0
        r.out == '127.0.0.1\n'
        r.err ==~ /glaze: no cloud configured: using the embedded image service at http:\/\/127\.0\.0\.1:\d+ \(data in .+\)\n/
    }

    def "a data folder that a glaze serve holds exits 1 and says to stop that one or choose another"() {
        given:
        def data = tmp.resolve('served')
        def serve = ServeProcess.start(data)

        when:
        def r = run(['--local', '--data', data.toString(), '-e', '1'])

        then:
        r.code == 1
        r.err == "glaze: data folder ${data} is in use by another glaze (serve, or a shell on the embedded" +
                " service); stop that one or choose another folder with --data DIR\n"

        cleanup:
        serve?.close()
    }

    def "--debug prints the HTTP exchange on stderr"() {
        when:
        def r = run(local('--debug', '-e', 'images.toList().size() >= 0'))

        then:
        r.code == 0
        r.out == 'true\n'
        r.err.contains('GET http://127.0.0.1:')
    }
}
