package dev.glaze.shell.repl

import dev.glaze.core.Cloud
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CompletableFuture

/**
 * What Ctrl-C does to a running line (the REPL interrupts its worker thread): an await stops waiting and says the
 * task keeps running; a loop stops too. A slow embedded service (each task step 30 s) keeps the task running.
 */
@Timeout(60)
class InterruptSpec extends Specification {
    @Shared @TempDir Path tmp
    @Shared @AutoCleanup ImageService service
    @Shared Cloud cloud

    def setupSpec() {
        service = ImageService.start(ServiceConfig.builder(tmp.resolve('data')).port(0).profile(Profile.RACKSPACE)
                .taskDelay(Duration.ofSeconds(30)).build())
        String url = service.url()
        cloud = Cloud.builder().endpoint(url).project('local').objectStore(URI.create(url + '/v1/AUTH_local')).build()
        def image = cloud.images().create(name: 'Ubuntu 24.04', disk_format: 'vhd', container_format: 'ovf')
        image.upload(new ByteArrayInputStream(new byte[4096]), 4096, null)
        cloud.containers().create('exports')
    }

    /** Evaluates {@code line} on a thread of its own, interrupts it once {@code ready} holds, returns what it threw. */
    Throwable interrupted(String line, Closure<Boolean> ready = { true }) {
        def eval = new GroovyEvaluator(cloud, [], new PrintStream(new ByteArrayOutputStream()))
        def thrown = new CompletableFuture<Throwable>()
        def worker = Thread.start {
            try {
                eval.evaluate(line, 'input')
                thrown.complete(null)
            } catch (Throwable t) {
                thrown.complete(t)
            }
        }
        Thread.sleep(200)
        while (!ready()) {
            Thread.sleep(100)
        }
        worker.interrupt()
        thrown.get()
    }

    def "an interrupted await says which task keeps running and how to get it back"() {
        when:
        // Ctrl-C once the export is made, as a user would press it during the wait
        def e = interrupted("images.find { it.name =~ /Ubuntu/ }.export('exports').await()") {
            cloud.tasks().toList().any { it.type == 'export' }
        }

        then:
        e instanceof ScriptError
        e.headline() ==~ /input:1: stopped waiting for task [0-9a-f-]{36} \(export, (pending|processing)\); it keeps running: get it back with tasks\['[0-9a-f-]{36}'\]\.await\(\)/
        cloud.tasks().toList().any { it.type == 'export' && !it.finished }
    }

    def "an interrupted loop stops (the evaluator checks for interrupts in loops)"() {
        when:
        def e = interrupted('while (true) { }')

        then:
        e instanceof ScriptError
        e.cause instanceof InterruptedException
        e.headline() ==~ /input(:1)?: interrupted/
    }

    def "only the REPL's lines check for interrupts in loops: a one-shot command or script is plain Groovy"() {
        given: "a loop that runs with the thread's interrupt flag set"
        def source = 'Thread.currentThread().interrupt(); int n = 0; while (n < 3) { n++ }; Thread.interrupted(); n'
        def eval = new GroovyEvaluator(cloud, [], new PrintStream(new ByteArrayOutputStream()))

        when:
        eval.evaluate(source, 'input')

        then:
        def e = thrown(ScriptError)
        e.cause instanceof InterruptedException

        expect: 'the same source as -e or a script, compiled or from the cache, counts to 3 and clears the flag'
        eval.evaluate(source, 'expression', null) == 3
        eval.evaluate(source, 'expression', ScriptCache.in(tmp.resolve('scripts'))) == 3   // compiled and kept
        eval.evaluate(source, 'expression', ScriptCache.in(tmp.resolve('scripts'))) == 3   // from the cache
        !Thread.currentThread().isInterrupted()
    }
}
