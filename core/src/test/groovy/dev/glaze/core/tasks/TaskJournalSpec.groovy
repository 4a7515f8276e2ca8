package dev.glaze.core.tasks

import dev.glaze.core.Cloud
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * The local task history and the listeners told when an awaited task ends: every task glaze creates is a line of
 * the journal with its input, and its outcome once an await saw it; listeners hear of each ending, and one that
 * throws disturbs nothing.
 */
class TaskJournalSpec extends Specification {
    static final byte[] VHD = ('conectix' + 'x' * 1000).bytes

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'rackspace')
    @Shared def fast = AwaitOptions.builder().poll(Duration.ofMillis(10)).maxPoll(Duration.ofMillis(50))
            .timeout(Duration.ofSeconds(60)).build()
    @TempDir Path tmp

    def setupSpec() {
        glance.cloud().containers().create('exports').upload('x.vhd', new ByteArrayInputStream(VHD), VHD.length)
    }

    Cloud cloud(TaskJournal journal, TaskListener... listeners) {
        def b = Cloud.builder().endpoint(glance.url).project('local')
                .objectStore(URI.create("${glance.url}/v1/AUTH_local")).journal(journal)
        listeners.each { b.onTaskFinished(it) }
        b.build()
    }

    def "a created task is journaled with its input, and its ending once awaited; another process reads it all"() {
        given:
        def journal = TaskJournal.at(tmp.resolve('journal/tasks.jsonl'))
        def tasks = cloud(journal).tasks()

        when:
        def ok = tasks.importImage(from: 'exports/x.vhd', name: 'journaled').await(fast)
        def failed = tasks.withoutPreflight().importImage(from: 'exports/missing.vhd', name: 'never')
        def pending = tasks.importImage(from: 'exports/x.vhd', name: 'not-awaited')
        try {
            failed.await(fast)
        } catch (TaskFailedException expected) {
        }
        def history = TaskJournal.at(tmp.resolve('journal/tasks.jsonl')).entries()

        then: 'newest first; the one nobody awaited is known as created'
        history*.id() as Set == [ok.id, failed.id, pending.id] as Set
        with(history.find { it.id() == ok.id }) {
            type() == 'import'
            status() == 'success'
            finished
            input() == [import_from: 'exports/x.vhd', import_from_format: 'vhd', image_properties: [name: 'journaled']]
            result().image_id == ok.imageId
            cloud() == Cloud.connect("${glance.url}", 't').displayName
        }
        with(history.find { it.id() == failed.id }) {
            status() == 'failure'
            message().startsWith('Error: Image not found for import.')
        }
        with(history.find { it.id() == pending.id }) {
            status() == 'created'
            !finished
        }
        tasks.history*.id() == history*.id()
        Files.readAllLines(journal.file()).size() == 5
    }

    def "a task left unawaited by a crash is resumed from the journal, in the region it was made in"() {
        given: 'a service with two regions, signed in through its identity (any key: its auth is none)'
        def regional = Emulator.start(profile: 'rackspace', regions: ['DFW', 'ORD'])
        def journal = tmp.resolve('regions.jsonl')
        def signIn = {
            Cloud.builder().authenticator(dev.glaze.core.auth.Authenticators.rackspaceApiKey("${regional.url}/v2.0",
                    'ops', 'any-key')).region('DFW').journal(TaskJournal.at(journal)).build()
        }
        def ord = signIn().region('ORD')
        ord.containers().create('exports').upload('x.vhd', new ByteArrayInputStream(VHD), VHD.length)
        def left = ord.tasks().importImage(from: 'exports/x.vhd', name: 'left-behind')
        def also = ord.tasks().importImage(from: 'exports/x.vhd', name: 'also-left')

        when: 'another process, on the cloud\'s default region, finds them and takes one up by id'
        def later = signIn().tasks()
        def unfinished = later.unfinished*.id()
        def resumed = later.resume(left.id, fast)

        then:
        unfinished as Set == [left.id, also.id] as Set
        resumed.status == 'success'
        resumed.image.name == 'left-behind'
        later.unfinished*.id() == [also.id]
        TaskJournal.at(journal).entries().find { it.id() == left.id }.status() == 'success'

        when: 'the rest at once, with one the service has forgotten (it does 48 hours after a task ends)'
        def forgotten = UUID.randomUUID().toString()
        Files.writeString(journal, """{"event":"created","id":"${forgotten}","type":"import","cloud":"${ord.displayName}","at":"2026-11-01T00:00:00Z","input":{}}\n""",
                java.nio.file.StandardOpenOption.APPEND)
        def summary = later.resumeAll(fast)

        then: 'the forgotten one is journaled as such, and nothing is left unfinished'
        summary.allSucceeded
        summary.succeeded*.id == [also.id]
        later.unfinished.isEmpty()
        TaskJournal.at(journal).entries().find { it.id() == forgotten }.status() == 'forgotten'

        when: 'an id the journal does not have'
        later.resume('00000000-0000-0000-0000-000000000000')

        then:
        def e = thrown(NoSuchTaskException)
        e.message == 'the task journal has no task 00000000-0000-0000-0000-000000000000'

        when: 'a task of another cloud'
        def other = cloud(TaskJournal.at(journal)).tasks()
        other.resume(left.id)

        then:
        def o = thrown(NoSuchTaskException)
        o.message ==~ /task \S+ was created in .*ORD, not in \S+ or its regions: resume it there/

        cleanup:
        regional?.close()
    }

    def "listeners hear of every ending, success and failure; a listener that throws does not break the await"() {
        given:
        def heard = [].asSynchronized()
        def lines = [].asSynchronized()
        def c = cloud(null, { Task t -> heard << t.status } as TaskListener, { throw new IllegalStateException('boom') } as TaskListener,
                { Task t -> assert t.message == 'never' } as TaskListener)
        c.tasks().onFinished(TaskListeners.log { lines << it })

        when:
        def ok = c.tasks().importImage(from: 'exports/x.vhd', name: 'heard').await(fast)
        try {
            c.tasks().withoutPreflight().importImage(from: 'exports/nope.vhd', name: 'n').await(fast)
        } catch (TaskFailedException expected) {
        }

        then: 'listeners run after the await has its answer, on a thread of their own'
        TaskEvents.drain(Duration.ofSeconds(10))
        heard == ['success', 'failure']
        lines[0] == "task ${ok.id} (import, success)".toString()
        lines[1] =~ /^task [0-9a-f-]{36} \(import, failure\): Error: Image not found/
        c.tasks().history.isEmpty()      // no journal given
    }

    def "a command runs for each task that ends, with the task's line and its id and status in the environment"() {
        given: 'a program that writes what it was given to a file'
        def seen = tmp.resolve('seen.txt')
        def program = tmp.resolve('hook.sh')
        Files.writeString(program, '#!/bin/sh\nprintf \'%s|%s|%s|%s|%s\\n\' "$1" "$GLAZE_TASK_ID" "$GLAZE_TASK_STATUS" "$2" "$(printenv "$LEAK_NAME" || echo none)" >> "$HOOK_OUT"\n')
        program.toFile().setExecutable(true)
        and: 'a variable of this process that the program must not see (as it must not see OS_PASSWORD)'
        String leak = System.getenv().keySet().find { !(it in ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'USER', 'DISPLAY', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'TMPDIR']) }
        assert leak != null
        def c = cloud(null, TaskListeners.command(['/usr/bin/env', "HOOK_OUT=${seen}".toString(), "LEAK_NAME=${leak}".toString(),
                                                   program.toString(), 'first-arg']))

        when:
        def ok = c.tasks().importImage(from: 'exports/x.vhd', name: 'hooked').await(fast)
        TaskEvents.drain(Duration.ofSeconds(10))

        then:
        Files.readAllLines(seen) == ["first-arg|${ok.id}|success|task ${ok.id} (import, success)|none".toString()]
    }

    def "a command that cannot run is a warning, not a failure of the await"() {
        given:
        def c = cloud(null, TaskListeners.command([tmp.resolve('no-such-program').toString()]))

        when:
        def ok = c.tasks().importImage(from: 'exports/x.vhd', name: 'unhooked').await(fast)
        TaskEvents.drain(Duration.ofSeconds(10))

        then:
        ok.status == 'success'
    }

    def "a webhook gets the task as JSON"() {
        given:
        def received = new java.util.concurrent.LinkedBlockingQueue<String>()
        def hook = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        hook.createContext('/hook') { ex -> received << ex.requestBody.text; ex.sendResponseHeaders(204, -1); ex.close() }
        hook.start()
        def c = cloud(null, TaskListeners.webhook("http://127.0.0.1:${hook.address.port}/hook"))

        when:
        def ok = c.tasks().importImage(from: 'exports/x.vhd', name: 'hooked').await(fast)
        def body = received.poll(30, java.util.concurrent.TimeUnit.SECONDS)

        then:
        new groovy.json.JsonSlurper().parseText(body) == [id: ok.id, type: 'import', status: 'success', message: '']

        cleanup:
        hook?.stop(0)
    }

    def "a line cut short by a crash is skipped, and the next line is whole"() {
        given:
        def journal = TaskJournal.at(tmp.resolve('tasks.jsonl'))
        def tasks = cloud(journal).tasks()
        def t = tasks.importImage(from: 'exports/x.vhd', name: 'crashed')
        Files.writeString(journal.file(), '{"event":"created","id":"cut-sh', java.nio.file.StandardOpenOption.APPEND)
        def after = tasks.importImage(from: 'exports/x.vhd', name: 'after-the-crash').await(fast)

        expect:
        journal.entries()*.id() as Set == [t.id, after.id] as Set
        journal.entries().find { it.id() == after.id }.status() == 'success'
        java.nio.file.Files.getPosixFilePermissions(journal.file())*.toString().sort() == ['OWNER_READ', 'OWNER_WRITE']
    }

    def "threads of one process appending at once lose no line"() {
        given:
        def journal = TaskJournal.at(tmp.resolve('busy.jsonl'))
        def task = cloud(null).tasks().importImage(from: 'exports/x.vhd', name: 'busy')

        when:
        (1..8).collect { Thread.start { 25.times { journal.created(task, "cloud-$it") } } }*.join()

        then:
        Files.readAllLines(journal.file()).size() == 200
    }
}
