package dev.glaze.core.auth

import dev.glaze.core.AuthenticationException
import dev.glaze.core.Cloud
import dev.glaze.core.ServiceProfile
import dev.glaze.core.internal.http.Transport
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

class RackspaceAuthSpec extends Specification {
    static final String KEY = '0123456789abcdef0123456789abcdef'
    static final String USERS = '''{"users": [
      {"name": "alice", "password": "correct-horse-battery", "apiKey": "0123456789abcdef0123456789abcdef",
       "project": {"id": "929418", "name": "alice-account"}, "defaultRegion": "IAD"},
      {"name": "bob", "apiKey": "fedcba9876543210fedcba9876543210", "project": {"id": "5678"}}
    ]}'''

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'rackspace', auth: 'keystone', users: USERS,
            regions: ['DFW', 'ORD', 'IAD'])

    def "an API key gives the token, tenant, default region and the serviceCatalog"() {
        when:
        def token = Authenticators.rackspaceApiKey("$glance.url/v2.0", 'alice', KEY).authenticate(Transport.builder().build())

        then:
        token.id() ==~ /[0-9a-f]{64}/
        token.projectId().get() == '929418'
        token.projectName().get() == 'alice-account'
        token.defaultRegion().get() == 'IAD'
        token.userId().isPresent()
        token.expiresAt().get().isAfter(java.time.Instant.now().plusSeconds(23 * 3600))
        token.catalog().regions('image') == ['DFW', 'ORD', 'IAD']
        token.catalog().find('image', 'ORD', 'public').get().url() == URI.create("$glance.url/ORD/v2")
        token.catalog().find('image', 'ORD', 'public').get().name() == 'cloudImages'
        token.catalog().find('object-store', 'DFW', 'internal').get().url() == URI.create("$glance.url/DFW/v1/AUTH_929418")
    }

    def "a password, with the tenant by id or by name, and the identity URL in any form"() {
        expect:
        Authenticators.rackspace(url).username('alice').password('correct-horse-battery').tenantId(tenantId)
                .tenantName(tenantName).build().authenticate(Transport.builder().build()).projectId().get() == '929418'

        where:
        url                          | tenantId | tenantName
        "$glance.url"                | null     | null
        "$glance.url/v2.0/"          | '929418' | null
        "$glance.url/v2.0/tokens"    | null     | 'alice-account'
    }

    def "a wrong API key and another user's tenant are one-line refusals without the key"() {
        when:
        def wrong = 'ffffffffffffffffffffffffffffffff'
        Authenticators.rackspaceApiKey("$glance.url/v2.0", 'alice', wrong).authenticate(Transport.builder().build())

        then:
        AuthenticationException e = thrown()
        e.message == "could not sign in to $glance.url/v2.0/tokens as alice: 401 Unauthorized: Unable to authenticate" +
                " user with credentials provided. (check the user name and API key)"
        !e.message.contains(wrong)

        when:
        Authenticators.rackspace("$glance.url/v2.0").username('alice').apiKey(KEY).tenantId('5678').build()
                .authenticate(Transport.builder().build())

        then:
        AuthenticationException tenant = thrown()
        tenant.message.contains("Tenant with Name/Id: '5678' is not valid for User 'alice'")
        !tenant.message.contains(KEY)
    }

    def "a cloud signed in with an API key starts in the user's default region and strips /v2 from the catalog URL"() {
        given:
        def cloud = Cloud.builder().authenticator(Authenticators.rackspaceApiKey("$glance.url/v2.0", 'alice', KEY)).build()
        cloud.region('ORD').images().create(name: 'in-ORD', disk_format: 'vhd', container_format: 'ovf')

        expect:
        cloud.getRegion().get() == 'IAD'
        cloud.regions() == ['DFW', 'ORD', 'IAD']
        cloud.getImageEndpoint() == URI.create("$glance.url/IAD")
        cloud.region('ORD').images().toList()*.name == ['in-ORD']
        cloud.region('DFW').images().toList() == []
        cloud.images().toList() == []
        cloud.region('ord').getRegion().get() == 'ORD'
        cloud.getProfile() == ServiceProfile.RACKSPACE
        cloud.region('DFW').context().objectStore() == URI.create("$glance.url/DFW/v1/AUTH_929418")

        cleanup:
        cloud?.region('ORD')?.images()?.toList()?.each { it.delete() }
    }

    def "a region the catalog lacks is a configuration error listing the regions"() {
        given:
        def cloud = Cloud.builder().authenticator(Authenticators.rackspaceApiKey("$glance.url/v2.0", 'bob',
                'fedcba9876543210fedcba9876543210')).build()

        when:
        cloud.region('LON')

        then:
        dev.glaze.core.ConfigurationException e = thrown()
        e.message == 'region LON is not in the catalog; its regions: [DFW, ORD, IAD]'
    }
}
