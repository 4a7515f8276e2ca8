package dev.glaze.core.tasks

import dev.glaze.core.GlazeException
import dev.glaze.core.ServiceProfile
import spock.lang.Specification

import java.time.Duration

class BackoffSpec extends Specification {
    def "without jitter the waits grow by the factor up to the cap"() {
        given:
        def b = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(15), 1.5, 0, new Random(1))

        expect:
        (1..8).collect { b.next().toMillis() } == [2000, 3000, 4500, 6750, 10125, 15000, 15000, 15000]
    }

    def "with jitter each wait stays within ±20% of its base and never over the cap"() {
        given:
        def b = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30), 1.5, 0.2, new Random(42))
        def bases = [5000, 7500, 11250, 16875, 25312.5] + [30000] * 45

        when:
        def waits = bases.collect { b.next().toMillis() }

        then:
        [bases, waits].transpose().every { base, wait -> wait >= Math.floor(base * 0.8d) && wait <= Math.min(base * 1.2d, 30000d) }
        waits.toSet().size() > 10          // they really vary
        waits.drop(5).every { it <= 30000 } && waits.drop(5).any { it < 29000 }
    }

    def "the same seed gives the same waits"() {
        expect:
        waits(new Random(7)) == waits(new Random(7))
    }

    def "defaults follow the profile: Rackspace 5 s to 30 s, elsewhere 2 s to 15 s"() {
        given:
        def o = AwaitOptions.defaults()

        expect:
        o.initialPoll(ServiceProfile.RACKSPACE) == Duration.ofSeconds(5)
        o.maxPoll(ServiceProfile.RACKSPACE) == Duration.ofSeconds(30)
        o.initialPoll(ServiceProfile.OPENSTACK) == Duration.ofSeconds(2)
        o.maxPoll(ServiceProfile.OPENSTACK) == Duration.ofSeconds(15)
        o.timeout == Duration.ofHours(1)
        o.factor == 1.5d && o.jitter == 0.2d && o.retryTransient == 1
        AwaitOptions.from(poll: '1m').maxPoll(ServiceProfile.OPENSTACK) == Duration.ofMinutes(1)
    }

    def "a service at a loopback address (the embedded one) is polled briskly, whatever its profile"() {
        given:
        def o = AwaitOptions.defaults()

        expect:
        o.initialPoll(ServiceProfile.RACKSPACE, true) == Duration.ofMillis(500)
        o.maxPoll(ServiceProfile.RACKSPACE, true) == Duration.ofSeconds(5)
        AwaitOptions.from(poll: '7s').initialPoll(ServiceProfile.RACKSPACE, true) == Duration.ofSeconds(7)
        dev.glaze.core.Cloud.connect('http://127.0.0.1:9292', null).context().loopback
        !dev.glaze.core.Cloud.connect('https://iad.images.api.rackspacecloud.com/v2', 't').context().loopback
    }

    def "options from named arguments"() {
        when:
        def seen = []
        def o = AwaitOptions.from(timeout: '90s', poll: 0.5, max_poll: 'PT10S', factor: 2, onPoll: { seen << it }, retryTransient: 3)
        o.onPoll.accept(null)

        then:
        o.timeout == Duration.ofSeconds(90)
        o.poll == Duration.ofMillis(500)
        o.maxPoll == Duration.ofSeconds(10)
        o.factor == 2d
        o.retryTransient == 3
        seen == [null]

        when:
        AwaitOptions.from(timeout: 'soon')

        then:
        def e = thrown(GlazeException)
        e.message == "'timeout' must be a duration such as 30s, 5m, 2h or PT5M, not soon"

        when:
        AwaitOptions.from(timout: '1m')

        then:
        def typo = thrown(GlazeException)
        typo.message == "await does not know 'timout': use [timeout, poll, maxPoll, factor, jitter, onPoll, retryTransient]"
    }

    private static List<Long> waits(Random r) {
        def b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 1.5, 0.2, r)
        (1..10).collect { b.next().toMillis() }
    }
}
