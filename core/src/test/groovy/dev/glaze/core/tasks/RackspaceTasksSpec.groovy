package dev.glaze.core.tasks

import dev.glaze.core.GlazeException
import dev.glaze.core.internal.Scheduler
import dev.glaze.core.spi.RackspaceTaskFlow
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

class RackspaceTasksSpec extends Specification {
    static final byte[] VHD = ('conectix' + 'x' * 1000).bytes

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'rackspace')
    @Shared def cloud = glance.cloud()
    @Shared def fast = AwaitOptions.builder().poll(Duration.ofMillis(10)).maxPoll(Duration.ofMillis(50))
            .timeout(Duration.ofSeconds(60)).build()

    def setupSpec() {
        cloud.containers().create('exports').upload('x.vhd', new ByteArrayInputStream(VHD), VHD.length)
    }

    def "import from exports/x.vhd, then export the image back to exports"() {
        when:
        def task = cloud.tasks().importImage(from: 'exports/x.vhd', name: 'web-gold')
        def done = task.await(fast)
        def image = done.image

        then:
        task.status == 'pending'
        task.message == ''                       // Rackspace's "None"
        task.input == [import_from: 'exports/x.vhd', import_from_format: 'vhd', image_properties: [name: 'web-gold']]
        !task.expiresAt.present
        done.success && done.finished
        done.id == task.id
        done.expiresAt.present
        done.imageId == image.id
        image.name == 'web-gold'
        image.status == 'active'
        image.size == VHD.length
        image.diskFormat == 'vhd'

        when:
        def exported = image.export('exports').await(fast)
        def object = exported.exportedObject

        then:
        exported.type == 'export'
        exported.exportLocation == "exports/${image.id}.vhd".toString()
        object.location == exported.exportLocation
        object.bytes == VHD.length
        object.openStream().withCloseable { it.bytes } == VHD
        cloud.tasks().byId(exported.id).input == [image_uuid: image.id, receiving_swift_container: 'exports']
    }

    def "a task that fails throws TaskFailedException with the service's message"() {
        when:
        cloud.tasks().withoutPreflight().importImage(from: 'exports/missing.vhd', name: 'm').await(fast)

        then:
        def e = thrown(TaskFailedException)
        e.task.status == 'failure'
        e.task.message == "Error: Image not found for import. Possible invalid location: there is no object 'missing.vhd' in container 'exports'"
        e.message == "task ${e.task.id} (import) failed: ${e.task.message}".toString()

        when:
        def image = cloud.tasks().importImage(from: 'exports/x.vhd', name: 'to-export').await(fast).image
        cloud.tasks().withoutPreflight().export(image, 'nowhere').await(fast)

        then:
        def missing = thrown(TaskFailedException)
        missing.task.message == "Error: Container 'nowhere' does not exist"
    }

    def "pre-flight checks catch a missing object or container before any task is made"() {
        given:
        int before = cloud.tasks().toList().size()
        def image = cloud.tasks().importImage(from: 'exports/x.vhd', name: 'pre').await(fast).image

        when:
        cloud.tasks().importImage(from: 'exports/missing.vhd', name: 'm')

        then:
        def e = thrown(GlazeException)
        e.message == "cannot import exports/missing.vhd: container 'exports' has no object 'missing.vhd'; upload it first: containers['exports'].upload('missing.vhd', file)"

        when:
        cloud.tasks().importImage(from: 'nocontainer/a.vhd', name: 'm')

        then:
        def c = thrown(GlazeException)
        c.message.startsWith("cannot import nocontainer/a.vhd: the object store of ")
        c.message.endsWith("has no container 'nocontainer'; upload the VHD first: containers.create('nocontainer').upload('a.vhd', file)")

        when:
        image.export('nowhere')

        then:
        def x = thrown(GlazeException)
        x.message.endsWith("has no container 'nowhere'; create it first: containers.create('nowhere')")

        when:
        cloud.tasks().importImage(from: 'http://example.com/a.vhd', name: 'url')

        then:
        def url = thrown(GlazeException)
        url.message.startsWith("Rackspace imports from Cloud Files: give 'from' as '<container>/<object>' of this region, not the URL http://example.com/a.vhd")

        when:
        cloud.tasks().importImage(from: 'exports/x.vhd', name: 'p', image_properties: [os_distro: 'ubuntu'])

        then:
        def props = thrown(GlazeException)
        props.message == "Rackspace imports take only a name, not os_distro; set the rest once the image exists: task.await().image.update { ... }"
        cloud.tasks().toList().size() == before + 1    // only the import of 'pre'
    }

    def "a failure the flow calls transient is run again once, then reported"() {
        given:
        def flow = new RackspaceTaskFlow() {
            @Override
            boolean isTransient(Task failed) {
                failed.message.contains('there is no object')
            }
        }
        def seen = []

        when:
        cloud.tasks().withFlow(flow).withoutPreflight().importImage(from: 'exports/flaky.vhd', name: 'flaky')
                .await(fast.toBuilder().onPoll { seen << it }.build())

        then:
        def e = thrown(TaskFailedException)
        e.task.attempts() == 2
        e.task.retryOf.get().status == 'failure'
        e.task.retryOf.get().id != e.task.id
        e.message.endsWith('(after 2 attempts)')
        seen*.id.unique().size() == 2
        seen.find { it.id == e.task.id && it.retryOf.present }.status == 'pending'   // the re-creation is reported
        cloud.tasks().byId(e.task.retryOf.get().id).status == 'failure'
    }

    def "awaitAll follows 200 tasks on at most 4 threads"() {
        given:
        def started = (1..200).collect { cloud.tasks().importImage(from: 'exports/x.vhd', name: "many-$it") }
        int most = 0
        def options = fast.toBuilder().poll(Duration.ofMillis(20)).maxPoll(Duration.ofMillis(200)).onPoll {
            int n = Thread.allStackTraces.keySet().count { it.name.startsWith(Scheduler.THREAD_PREFIX) && it.alive }
            synchronized (this) { most = Math.max(most, n) }
        }.build()

        when:
        def summary = cloud.tasks().awaitAll(started, options)

        then:
        summary.allSucceeded
        summary.total == 200
        summary.succeeded*.id as Set == started*.id as Set
        summary.succeeded.every { it.imageId }
        summary.toString() == '200 tasks: 200 succeeded, 0 failed, 0 timed out'
        most >= 1 && most <= 4
    }

    def "awaitAll lists the failures with the service's messages"() {
        given:
        def ok = cloud.tasks().importImage(from: 'exports/x.vhd', name: 'fine')
        def bad = cloud.tasks().withoutPreflight().importImage(from: 'exports/absent.vhd', name: 'bad')

        when:
        def summary = cloud.tasks().awaitAll([ok, bad], fast)
        def lines = summary.toString().readLines()

        then:
        !summary.allSucceeded
        summary.succeeded*.id == [ok.id]
        summary.failed*.id == [bad.id]
        lines[0] == '2 tasks: 1 succeeded, 1 failed, 0 timed out'
        lines[1].startsWith("succeeded     $ok.id  import  image ")
        lines[2] == "failed        $bad.id  import  Error: Image not found for import. Possible invalid location: there is no object 'absent.vhd' in container 'exports'"
    }

    def "tasks are listed page by page, each once, and filtered by status"() {
        given:
        def started = (1..23).collect { cloud.tasks().importImage(from: 'exports/x.vhd', name: "listed-$it") }
        cloud.tasks().awaitAll(started, fast)
        def failed = cloud.tasks().withoutPreflight().importImage(from: 'exports/gone.vhd', name: 'gone')
        cloud.tasks().awaitAll([failed], fast)

        when:
        def listed = cloud.tasks().where(status: 'success', limit: 5).toList()
        def failures = cloud.tasks().where(status: 'failure', sort_dir: 'asc').toList()

        then:
        listed.countBy { it.id }.values().every { it == 1 }
        (listed*.id as Set).containsAll(started*.id)
        listed.every { it.status == 'success' }
        failures*.id.contains(failed.id)
        failures.every { it.status == 'failure' }
        failures*.createdAt == failures*.createdAt.sort(false)
        listed.find { it.id == started[0].id }.input == [:]                 // listings leave input out
        listed.find { it.id == started[0].id }.refresh().input.import_from == 'exports/x.vhd'

        when:
        cloud.tasks().where(state: 'success')

        then:
        def e = thrown(GlazeException)
        e.message == "tasks cannot be filtered by 'state': use [status, type, sort_key, sort_dir, limit, owner]"
    }

    def "an unknown task id is a clear error"() {
        when:
        cloud.tasks().byId('00000000-0000-0000-0000-000000000000')

        then:
        def e = thrown(NoSuchTaskException)
        e.message.startsWith('no task has id 00000000-0000-0000-0000-000000000000 in ')
    }
}
