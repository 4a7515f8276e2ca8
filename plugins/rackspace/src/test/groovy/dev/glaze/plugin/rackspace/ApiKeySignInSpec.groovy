package dev.glaze.plugin.rackspace

import dev.glaze.plugin.testing.EmbeddedService
import dev.glaze.core.AuthenticationException
import dev.glaze.core.Cloud
import dev.glaze.core.ConfigurationException
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** The plugin's sign-in method: a Rackspace API key at the embedded service's identity v2.0 endpoint. */
class ApiKeySignInSpec extends Specification {
    static final String KEY = '0123456789abcdef0123456789abcdef'
    static final String USERS = '''{"users": [{"name": "alice", "apiKey": "0123456789abcdef0123456789abcdef",
        "project": {"id": "929418", "name": "alice-account"}}]}'''

    @Shared @AutoCleanup EmbeddedService service = new EmbeddedService(profile: 'rackspace', users: USERS)
    @Shared def method = new RackspacePlugin().authMethod().get()

    def "auth_type rackspace_apikey signs in with the user's API key and finds the image service in the catalog"() {
        given:
        def authenticator = method.authenticator([auth_url: "$service.url/v2.0".toString(), username: 'alice',
                                                  api_key: KEY])
        def cloud = Cloud.builder().authenticator(authenticator).build()

        when:
        cloud.images().create(name: 'signed-in')

        then:
        method.authTypes().contains('rackspace_apikey')
        cloud.projectId.get() == '929418'
        cloud.images()*.name == ['signed-in']
        cloud.plugins().ids() == ['rackspace']
        !authenticator.describe().contains(KEY)
    }

    def "a missing setting is named, and a wrong key is refused without showing it"() {
        when:
        method.authenticator([username: 'alice'])

        then:
        def missing = thrown(ConfigurationException)
        missing.message == 'Rackspace API-key sign-in needs api_key (clouds.yaml auth.api_key, or OS_API_KEY)'

        when:
        def wrong = 'ffffffffffffffffffffffffffffffff'
        Cloud.builder().authenticator(method.authenticator([auth_url: "$service.url/v2.0".toString(),
                                                            username: 'alice', api_key: wrong])).build().images().toList()

        then:
        def refused = thrown(AuthenticationException)
        !refused.message.contains(wrong)
        refused.message.contains('alice')
    }
}
