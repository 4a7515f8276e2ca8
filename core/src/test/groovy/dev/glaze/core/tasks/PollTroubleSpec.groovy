package dev.glaze.core.tasks

import dev.glaze.core.Cloud
import dev.glaze.core.ServerErrorException
import dev.glaze.core.ServiceProfile
import dev.glaze.core.internal.http.RetryPolicy
import dev.glaze.core.testing.ScriptedServer
import groovy.json.JsonOutput
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.time.Duration

/** A wait goes on through a few failed looks (a network blip, a 500 during a long import), not through many. */
class PollTroubleSpec extends Specification {
    static final String ID = '11111111-2222-3333-4444-555555555555'
    @AutoCleanup ScriptedServer server = new ScriptedServer()
    Cloud cloud = Cloud.builder().endpoint(server.url).profile(ServiceProfile.OPENSTACK).retry(RetryPolicy.NEVER).build()
    AwaitOptions fast = AwaitOptions.builder().poll(Duration.ofMillis(5)).maxPoll(Duration.ofMillis(10))
            .timeout(Duration.ofSeconds(30)).build()

    static Map task(String status) {
        [status: 200, body: JsonOutput.toJson([id: ID, type: 'import', status: status, input: [:], message: '',
                owner: 'p', created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z',
                result: status == 'success' ? [image_id: 'img'] : null])]
    }

    def "two failed looks in a row are ridden out; the task's success is returned"() {
        given:
        server.then(task('pending'), [status: 500, body: 'oops'], [status: 500, body: 'oops'], task('processing'),
                [status: 500, body: 'oops'], task('success'))

        when:
        def done = cloud.tasks().byId(ID).await(fast)

        then:
        done.status == 'success'
        server.received.size() == 6
    }

    def "after more than five failed looks in a row the wait ends with the last error"() {
        given:
        server.then(task('pending'))
        server.fallback = [status: 500, body: 'still broken']

        when:
        cloud.tasks().byId(ID).await(fast)

        then:
        def e = thrown(ServerErrorException)
        e.serverMessage() == 'still broken'
        server.received.size() == 1 + Poll.TROUBLED_LOOKS_TOLERATED + 1
    }
}
