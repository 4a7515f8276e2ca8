package dev.glaze.core.images

import dev.glaze.core.GlazeException
import spock.lang.Specification

import java.time.Duration
import java.util.function.Consumer

import static dev.glaze.core.images.TransferData.MiB

/** The progress value and the download options, without a server. */
class TransferProgressSpec extends Specification {
    static final long GiB = 1L << 30

    def "progress reads like: amount of total (percent), rate, ETA"() {
        expect:
        new TransferProgress(bytes, total, Duration.ofSeconds(1), rate, done, verified).toString() == text

        where:
        bytes         | total | rate                      | done  | verified || text
        12 * MiB      | GiB   | (long) (85.3 * MiB)       | false | null     || '12.0 MiB of 1.0 GiB (1%), 85.3 MiB/s, ETA 0:11'
        512           | -1    | 512                       | false | null     || '512 B, 512 B/s'
        0             | GiB   | 0                         | false | null     || '0 B of 1.0 GiB (0%), 0 B/s'
        GiB           | 4*GiB | MiB                       | false | null     || '1.0 GiB of 4.0 GiB (25%), 1.0 MiB/s, ETA 51:12'
        0             | 4*GiB | MiB                       | false | null     || '0 B of 4.0 GiB (0%), 1.0 MiB/s, ETA 1:08:16'
        GiB           | GiB   | 100 * MiB                 | true  | 'sha512' || '1.0 GiB of 1.0 GiB (100%), 100.0 MiB/s, done, verified by sha512'
        0             | 0     | 0                         | true  | null     || '0 B of 0 B (100%), 0 B/s, done, unverified'
    }

    def "the ETA is what is left at the current rate, and unknown without a total or a rate"() {
        expect:
        new TransferProgress(bytes, total, Duration.ofSeconds(2), rate, false, null).eta == eta

        where:
        bytes | total | rate || eta
        100   | 1100  | 100  || Optional.of(Duration.ofSeconds(10))
        100   | -1    | 100  || Optional.empty()
        0     | 1000  | 0    || Optional.empty()
    }

    def "the meter reports at most every 100 ms by its clock, and always at the end"() {
        given:
        List<TransferProgress> seen = []
        def meter = new ProgressMeter(TransferData.ticking(), 1000, { seen << it } as Consumer)

        when: 'each add reads the clock once, which moves 50 ms'
        10.times { meter.add(100) }
        def last = meter.finish('md5')

        then:
        seen*.bytes == [200, 400, 600, 800, 1000, 1000]
        seen.last().is(last)
        last.done && last.verifiedWith == 'md5'
        last.bytesPerSecond == 1000 * 1000 / last.elapsed.toMillis() as long
    }

    def "download options come from a map, with closures as progress callbacks"() {
        given:
        List<TransferProgress> seen = []

        when:
        def o = DownloadOptions.from(overwrite: true, resume: 'true', retries: 5, verify: false, allowMd5: false,
                progress: { seen << it })
        o.progress.accept(new TransferProgress(1, 2, Duration.ZERO, 0, false, null))

        then:
        o.overwrite && o.resume && o.retries == 5 && !o.verify && !o.allowMd5
        seen*.bytes == [1]
        o.toBuilder().retries(1).build().retries == 1
    }

    def "defaults: no overwrite, no resume, 3 retries, verified, MD5 allowed"() {
        expect:
        with(DownloadOptions.defaults()) {
            !overwrite && !resume && retries == 3 && verify && allowMd5 && progress == null
        }
    }

    def "a wrong option is a one-line error naming the options"() {
        when:
        DownloadOptions.from(options)

        then:
        def e = thrown(GlazeException)
        e.message == message

        where:
        options              || message
        [overwrit: true]     || "unknown download option 'overwrit'; the options are [allowMd5, overwrite, progress, resume, retries, sync, verify]"
        [retries: 'many']    || "download option retries is a whole number, not 'many'"
        [resume: 'yes']      || "download option resume is true or false, not 'yes'"
        [progress: 42]       || 'download option progress is a Consumer<TransferProgress> or a closure, not a java.lang.Integer'
    }
}
