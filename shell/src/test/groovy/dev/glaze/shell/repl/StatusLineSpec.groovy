package dev.glaze.shell.repl

import dev.glaze.core.Cloud
import dev.glaze.core.tasks.AwaitOptions
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

/**
 * The status line as the terminal receives it: each repaint is a carriage return and the text, padded over a longer
 * text before; the end blanks it. Repaints are driven by hand here, the clock too.
 */
class StatusLineSpec extends Specification {
    @Shared @TempDir Path tmp
    @Shared @AutoCleanup ImageService service
    @Shared Cloud plain
    def screen = new StringWriter()
    long now = 0

    def setupSpec() {
        service = ImageService.start(ServiceConfig.builder(tmp.resolve('data')).port(0).profile(Profile.RACKSPACE)
                .taskDelay(Duration.ofMillis(50)).build())
        String url = service.url()
        plain = Cloud.builder().endpoint(url).project('local').objectStore(URI.create(url + '/v1/AUTH_local')).build()
        plain.containers().create('exports')
    }

    StatusLine line(int width = 120) {
        new StatusLine(new PrintWriter(screen), { width } as java.util.function.IntSupplier, { now } as java.util.function.LongSupplier, null)
    }

    def "an await shows the task's id, type, status and the time since it began; the end blanks the line"() {
        given:
        def image = plain.images().create(name: 'disk', disk_format: 'raw', container_format: 'bare')
        image.upload(new ByteArrayInputStream(new byte[10]), 10, null)
        def task = image.export('exports')
        def status = line()

        when:
        def watch = status.awaiting(task)
        now = Duration.ofSeconds(12).toNanos()
        status.paint()

        then:
        screen.toString() == "\rtask ${task.id.take(8)}… export: ${task.status}, 0:12".toString()

        when:
        def done = task.await(AwaitOptions.builder().poll(Duration.ofMillis(20)).build())
        watch.update(done)
        now = Duration.ofSeconds(75).toNanos()
        status.paint()
        watch.close()
        def painted = screen.toString().split('\r')

        then:
        painted[2] == "task ${task.id.take(8)}… export: success, 1:15".toString()
        painted[3] == ' ' * painted[2].length()
        screen.toString().endsWith('\r')

        when: 'nothing is drawn once the watch is closed'
        def before = screen.toString()
        status.paint()

        then:
        screen.toString() == before
    }

    def "a call that ends before the first repaint draws nothing"() {
        given:
        def image = plain.images().create(name: 'quick', disk_format: 'raw', container_format: 'bare')
        def status = line()

        when:
        status.transferring(image, true).close()

        then:
        screen.toString() == ''
    }

    def "a transfer shows bytes, total, rate and ETA, cut to the width; a shorter text covers a longer one"() {
        given:
        def image = plain.images().create(name: 'cirros', disk_format: 'raw', container_format: 'bare')
        def status = line(40)
        def watch = status.transferring(image, false)

        when:
        status.paint()

        then:
        screen.toString() == '\rdownload cirros: starting'

        when:
        watch.update(new dev.glaze.core.images.TransferProgress(327155712L, 1L << 30, Duration.ofSeconds(2), 155189248L, false, null))
        status.paint()

        then:
        screen.toString().split('\r')[2] == 'download cirros: 312.0 MiB / 1.0 GiB  …'
        StatusLine.transfer(new dev.glaze.core.images.TransferProgress(327155712L, 1L << 30, Duration.ofSeconds(2), 155189248L, false, null)) ==
                '312.0 MiB / 1.0 GiB  148.0 MiB/s  ETA 0:04'
        StatusLine.transfer(new dev.glaze.core.images.TransferProgress(2048, -1, Duration.ofSeconds(2), 1024, false, null)) ==
                '2.0 KiB  1.0 KiB/s'

        when: 'a shorter text after a longer one'
        watch.update(new dev.glaze.core.images.TransferProgress(0, 10, Duration.ZERO, 0, false, null))
        status.paint()

        then:
        screen.toString().split('\r')[3] == 'download cirros: 0 B / 10 B  0 B/s' + ' ' * 5
    }

    def "repaints come 4 to 10 times a second"() {
        expect:
        StatusLine.REPAINT.toMillis() >= 100
        StatusLine.REPAINT.toMillis() <= 250
    }
}
