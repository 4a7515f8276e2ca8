package dev.glaze.core

import dev.glaze.core.images.TransferProgress
import dev.glaze.core.tasks.AwaitOptions
import dev.glaze.core.tasks.Task
import dev.glaze.core.tasks.AwaitTimeoutException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList

/** A cloud's default progress listener: asked for awaits and transfers that bring no callback, closed every time. */
class ProgressListenerSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'rackspace', taskDelay: Duration.ofMillis(100))
    @Shared List<String> events = new CopyOnWriteArrayList<>()
    @Shared Cloud cloud
    @Shared def quick = AwaitOptions.builder().poll(Duration.ofMillis(20)).maxPoll(Duration.ofMillis(50)).build()
    @TempDir Path tmp

    def setupSpec() {
        def listener = new ProgressListener() {
            ProgressListener.Watch<Task> awaiting(Task task) {
                events << 'await ' + task.id
                ProgressListener.watch({ Task t -> events << 'look ' + t.status }, { events << 'await closed' })
            }

            ProgressListener.Watch<TransferProgress> transferring(dev.glaze.core.images.Image image, boolean upload) {
                events << (upload ? 'upload ' : 'download ') + image.name
                ProgressListener.watch({ TransferProgress p -> if (p.done) events << 'done ' + p.bytes },
                        { events << 'transfer closed' })
            }
        }
        def base = glance.url
        cloud = Cloud.builder().endpoint(base).project('local').objectStore(URI.create("$base/v1/AUTH_local"))
                .progress(listener).build()
        cloud.containers().create('in').upload('a.vhd', new ByteArrayInputStream('vhd'.bytes), 3)
    }

    def setup() {
        events.clear()
    }

    def "an await without onPoll is watched from its first state to the end, then closed"() {
        given:
        def task = cloud.tasks().importImage(from: 'in/a.vhd', name: 'watched')

        when:
        def done = task.await(quick)

        then:
        done.success
        events.first() == 'await ' + task.id
        events[1] == 'look ' + task.status
        events.contains('look success')
        events.last() == 'await closed'
    }

    def "an await that ends without success (a timeout) closes its watch too"() {
        given:
        def task = cloud.tasks().importImage(from: 'in/a.vhd', name: 'late')

        when:
        task.await(quick.toBuilder().timeout(Duration.ofMillis(1)).build())

        then:
        thrown(AwaitTimeoutException)
        events.last() == 'await closed'
    }

    def "an await with its own onPoll is not watched"() {
        given:
        def task = cloud.tasks().importImage(from: 'in/a.vhd', name: 'own')
        def own = []

        when:
        task.await(quick.toBuilder().onPoll { own << it.status }.build())

        then:
        own.contains('success')
        events.isEmpty()
    }

    def "an upload and a download without a callback are watched to the end; with one they are not"() {
        given:
        def image = cloud.images().create(name: 'disk', disk_format: 'raw', container_format: 'bare')
        def file = Files.write(tmp.resolve('disk.raw'), new byte[4096])

        when:
        image.upload(file)
        image.download(tmp.resolve('copy.raw'))

        then:
        events == ['upload disk', 'done 4096', 'transfer closed', 'download disk', 'done 4096', 'transfer closed']

        when:
        events.clear()
        image.download(tmp.resolve('again.raw'), { TransferProgress p -> })

        then:
        events.isEmpty()
    }

    def "another region of the cloud keeps the listener; a cloud without one shows nothing"() {
        expect:
        cloud.region('elsewhere').context().progress() == cloud.context().progress()
        glance.cloud().context().progress() == ProgressListener.NONE
    }
}
