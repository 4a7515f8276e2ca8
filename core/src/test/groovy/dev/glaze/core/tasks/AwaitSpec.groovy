package dev.glaze.core.tasks

import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit

/** Tasks that take a while (each waits 400 ms twice), to see waits end before they do. */
class AwaitSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'rackspace', taskDelay: Duration.ofMillis(400))
    @Shared def cloud = glance.cloud()
    @Shared def quick = AwaitOptions.builder().poll(Duration.ofMillis(10)).maxPoll(Duration.ofMillis(40)).build()

    def setupSpec() {
        cloud.containers().create('slow').upload('a.vhd', new ByteArrayInputStream('vhd'.bytes), 3)
    }

    def "a wait shorter than the task ends in AwaitTimeoutException, and the task still succeeds"() {
        given:
        def task = cloud.tasks().importImage(from: 'slow/a.vhd', name: 'late')

        when:
        task.await(quick.toBuilder().timeout(Duration.ofMillis(50)).build())

        then:
        def e = thrown(AwaitTimeoutException)
        e.task.id == task.id
        !e.task.finished
        e.message == "task $task.id (import) is still ${e.task.status} after 50 ms; it keeps running: wait again with tasks['$task.id'].await()".toString()

        when:
        def later = cloud.tasks().byId(task.id).await(quick)

        then:
        later.success
        later.image.name == 'late'
    }

    def "an interrupted wait stops polling and leaves the task running"() {
        given:
        def task = cloud.tasks().importImage(from: 'slow/a.vhd', name: 'interrupted')
        def firstLook = new CountDownLatch(1)
        int looks = 0
        def options = quick.toBuilder().onPoll { looks++; firstLook.countDown() }.build()
        Throwable caught = null
        boolean flagAfter = false
        def waiter = Thread.start {
            try {
                task.await(options)
            } catch (Throwable t) {
                caught = t
                flagAfter = Thread.currentThread().isInterrupted()
            }
        }

        when:
        firstLook.await(30, TimeUnit.SECONDS)
        waiter.interrupt()
        waiter.join(30_000)
        int looksThen = looks
        def done = cloud.tasks().byId(task.id).await(quick)

        then:
        caught instanceof AwaitInterruptedException
        caught.message == "stopped waiting for task $task.id (import, ${caught.tasks[0].status}); it keeps running: get it back with tasks['$task.id'].await()".toString()
        flagAfter
        done.success
        looks <= looksThen + 1        // at most one look already under way when the wait stopped
    }

    def "awaitAsync completes the future; a timeout fails it"() {
        given:
        def task = cloud.tasks().importImage(from: 'slow/a.vhd', name: 'async')

        when:
        def future = task.awaitAsync(quick)

        then:
        future.get(60, TimeUnit.SECONDS).success

        when:
        cloud.tasks().importImage(from: 'slow/a.vhd', name: 'async-late')
                .awaitAsync(quick.toBuilder().timeout(Duration.ZERO).build()).get(60, TimeUnit.SECONDS)

        then:
        def e = thrown(ExecutionException)
        e.cause instanceof AwaitTimeoutException
    }

    def "Groovy named arguments and closures"() {
        given:
        def statuses = []

        when:
        def done = cloud.tasks().importImage(from: 'slow/a.vhd', name: 'groovy')
                .await(poll: '10ms', maxPoll: '40ms', timeout: '1m', onPoll: { statuses << it.status })
        def summary = cloud.tasks().awaitAll([cloud.tasks().importImage(from: 'slow/a.vhd', name: 'g2')], poll: 0.01, timeout: 60)

        then:
        done.success
        statuses.last() == 'success'
        statuses.contains('processing') || statuses.contains('pending')
        summary.allSucceeded
    }
}
