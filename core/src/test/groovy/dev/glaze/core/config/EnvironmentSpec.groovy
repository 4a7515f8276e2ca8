package dev.glaze.core.config

import dev.glaze.core.ConfigurationException
import dev.glaze.core.internal.json.Json
import spock.lang.Specification

/** {@code CloudConfig.fromEnvironment(Map)}: which variables win, and the one-line errors. */
class EnvironmentSpec extends Specification {
    static final String KS = 'https://keystone.example:5000/v3'
    static final String RAX = 'https://identity.api.rackspacecloud.com/v2.0'

    def "#env gives #type: #description"() {
        when:
        def config = CloudConfig.fromEnvironment(env, [])

        then:
        config.authType == type
        config.authenticator.map { it.describe() }.orElseGet { "endpoint ${config.imageEndpoint.get()}".toString() } == description
        config.region.orElse(null) == region
        config.interface == iface

        where:
        env                                                                                      || type                               | description                                                                    | region      | iface
        [OS_AUTH_URL: KS, OS_USERNAME: 'alice', OS_PASSWORD: 'pw-000001']                        || AuthType.V3_PASSWORD               | "Keystone v3 password at $KS as alice"                                         | null        | 'public'
        [OS_AUTH_URL: KS, OS_USERNAME: 'alice', OS_PASSWORD: 'pw-000001', OS_PROJECT_NAME: 'p',
         OS_REGION_NAME: 'RegionOne', OS_INTERFACE: 'internalURL']                               || AuthType.V3_PASSWORD               | "Keystone v3 password at $KS as alice, project p"                              | 'RegionOne' | 'internal'
        [OS_AUTH_URL: KS, OS_USER_ID: 'u1', OS_PASSWORD: 'pw-000001', OS_TENANT_NAME: 'p']       || AuthType.V3_PASSWORD               | "Keystone v3 password at $KS as user id u1, project p"                         | null        | 'public'
        [OS_AUTH_URL: KS, OS_USERNAME: 'alice', OS_PASSWORD: 'pw-000001', OS_PROJECT_ID: 'p1',
         OS_TENANT_ID: 'p1', OS_AUTH_TYPE: 'password']                                           || AuthType.V3_PASSWORD               | "Keystone v3 password at $KS as alice, project id p1"                          | null        | 'public'
        [OS_AUTH_URL: KS, OS_TOKEN: 'tok-000001', OS_PROJECT_ID: 'p1']                           || AuthType.V3_TOKEN                  | "Keystone v3 token at $KS as the given token, project id p1"                   | null        | 'public'
        [OS_AUTH_URL: KS, OS_AUTH_TYPE: 'v3token', OS_TOKEN: 'tok-000001', OS_PASSWORD: 'pw-000001'] || AuthType.V3_TOKEN              | "Keystone v3 token at $KS as the given token"                                  | null        | 'public'
        [OS_AUTH_URL: KS, OS_APPLICATION_CREDENTIAL_ID: 'ac1',
         OS_APPLICATION_CREDENTIAL_SECRET: 's-000001']                                           || AuthType.V3_APPLICATION_CREDENTIAL | "Keystone v3 application credential at $KS as application credential ac1"      | null        | 'public'
        [OS_AUTH_URL: KS, OS_AUTH_TYPE: 'v3applicationcredential', OS_USERNAME: 'alice',
         OS_APPLICATION_CREDENTIAL_NAME: 'ci', OS_APPLICATION_CREDENTIAL_SECRET: 's-000001']     || AuthType.V3_APPLICATION_CREDENTIAL | "Keystone v3 application credential at $KS as application credential ci of alice" | null    | 'public'
        [OS_AUTH_URL: "$RAX/", OS_USERNAME: 'me', OS_PASSWORD: 'pw-000001']                      || AuthType.RACKSPACE_PASSWORD        | "Rackspace v2.0 password at $RAX/ as me"                                       | null        | 'public'
        [OS_USERNAME: 'me', OS_API_KEY: 'key-000001', OS_REGION_NAME: 'IAD']                     || AuthType.RACKSPACE_API_KEY         | "Rackspace v2.0 API key at $RAX as me"                                         | 'IAD'       | 'public'
        [OS_AUTH_URL: RAX, OS_USERNAME: 'me', OS_RAX_API_KEY: 'key-000001', OS_TENANT_ID: '929418',
         OS_PASSWORD: 'pw-000001']                                                               || AuthType.RACKSPACE_API_KEY         | "Rackspace v2.0 API key at $RAX as me, tenant 929418"                          | null        | 'public'
        [OS_AUTH_URL: 'https://identity.example', OS_AUTH_TYPE: 'rax_apikey', OS_USERNAME: 'me',
         OS_API_KEY: 'key-000001', OS_PROJECT_NAME: 'acct']                                      || AuthType.RACKSPACE_API_KEY         | 'Rackspace v2.0 API key at https://identity.example as me, tenant acct'        | null        | 'public'
        [OS_AUTH_URL: 'https://identity.example', OS_IDENTITY_API_VERSION: '2.0', OS_USERNAME: 'me',
         OS_PASSWORD: 'pw-000001', OS_AUTH_TYPE: 'password']                                     || AuthType.RACKSPACE_PASSWORD        | 'Rackspace v2.0 password at https://identity.example as me'                    | null        | 'public'
        [OS_IMAGE_URL: 'https://iad.images.example/v2', OS_TOKEN: 'tok-000001']                  || AuthType.ENDPOINT                  | 'endpoint https://iad.images.example/v2'                                       | null        | 'public'
        [OS_ENDPOINT: 'http://127.0.0.1:9292', OS_TOKEN: 'tok-000001', OS_REGION_NAME: 'local']  || AuthType.ENDPOINT                  | 'endpoint http://127.0.0.1:9292'                                               | 'local'     | 'public'
        [API_ENDPOINT: 'http://127.0.0.1:9292', AUTH_TOKEN: 'tok-000001']                        || AuthType.ENDPOINT                  | 'endpoint http://127.0.0.1:9292'                                               | null        | 'public'
        [OS_AUTH_URL: KS, OS_USERNAME: 'alice', OS_PASSWORD: 'pw-000001',
         API_ENDPOINT: 'http://127.0.0.1:9292', AUTH_TOKEN: 'tok-000001']                        || AuthType.V3_PASSWORD               | "Keystone v3 password at $KS as alice"                                         | null        | 'public'
    }

    def "an image endpoint with credentials overrides the catalog's"() {
        when:
        def config = CloudConfig.fromEnvironment([OS_AUTH_URL: KS, OS_USERNAME: 'alice', OS_PASSWORD: 'pw-000001',
                                                  OS_IMAGE_URL: 'https://images.example/v2'], [])

        then:
        config.authType == AuthType.V3_PASSWORD
        config.imageEndpoint.get() == URI.create('https://images.example/v2')
        config.toBuilder().build().imageEndpoint == URI.create('https://images.example')   // nothing sent to know it
    }

    def "OS_DOMAIN_NAME is the user's and project's domain with a project (as openstacksdk), else the scope"() {
        expect:
        body([OS_AUTH_URL: KS, OS_USERNAME: 'alice', OS_PASSWORD: 'pw-000001', OS_PROJECT_NAME: 'p',
              OS_DOMAIN_NAME: 'Corp', OS_USER_DOMAIN_NAME: 'Users']) ==
                '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"name":"Users"},"password":"pw-000001"}}},"scope":{"project":{"name":"p","domain":{"name":"Corp"}}}}}'
        body([OS_AUTH_URL: KS, OS_USERNAME: 'alice', OS_PASSWORD: 'pw-000001', OS_DOMAIN_NAME: 'Corp']) ==
                '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"id":"default"},"password":"pw-000001"}}},"scope":{"domain":{"name":"Corp"}}}}'
        body([OS_AUTH_URL: KS, OS_USERNAME: 'alice', OS_PASSWORD: 'pw-000001', OS_PROJECT_ID: 'p1',
              OS_USER_DOMAIN_ID: 'd1', OS_DOMAIN_ID: 'd2']) ==
                '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"id":"d1"},"password":"pw-000001"}}},"scope":{"project":{"id":"p1"}}}}'
    }

    def "#env is refused: #message"() {
        when:
        CloudConfig.fromEnvironment(env, [])

        then:
        ConfigurationException e = thrown()
        e.message == message
        !e.message.contains('\n')
        !e.message.contains('pw-000001')

        where:
        env                                                                        || message
        [:]                                                                        || 'no cloud configured: set OS_CLOUD to a clouds.yaml entry, or OS_AUTH_URL with OS_USERNAME and OS_PASSWORD (or OS_API_KEY for Rackspace), or OS_IMAGE_URL with OS_TOKEN, or API_ENDPOINT with AUTH_TOKEN'
        [HOME: '/root', OS_REGION_NAME: 'IAD']                                    || 'no cloud configured: set OS_CLOUD to a clouds.yaml entry, or OS_AUTH_URL with OS_USERNAME and OS_PASSWORD (or OS_API_KEY for Rackspace), or OS_IMAGE_URL with OS_TOKEN, or API_ENDPOINT with AUTH_TOKEN'
        [OS_AUTH_URL: KS, OS_PASSWORD: 'pw-000001']                                || 'OS_PASSWORD is set but neither OS_USERNAME nor OS_USER_ID is: set one'
        [OS_AUTH_URL: KS]                                                          || 'OS_AUTH_URL is set but no credentials are: set OS_USERNAME and OS_PASSWORD, or OS_TOKEN, or OS_APPLICATION_CREDENTIAL_ID and OS_APPLICATION_CREDENTIAL_SECRET, or OS_USERNAME and OS_API_KEY (Rackspace)'
        [OS_AUTH_URL: KS, OS_USERNAME: 'a', OS_PASSWORD: 'pw-000001',
         OS_PROJECT_NAME: 'one', OS_TENANT_NAME: 'two']                            || 'OS_PROJECT_NAME and OS_TENANT_NAME are both set and differ: unset one of them'
        [OS_IMAGE_URL: 'https://a.example', OS_ENDPOINT: 'https://b.example']     || 'OS_IMAGE_URL and OS_ENDPOINT are both set and differ: unset one of them'
        [OS_AUTH_URL: KS, OS_AUTH_TYPE: 'kerberos', OS_USERNAME: 'a', OS_PASSWORD: 'pw-000001'] || "OS_AUTH_TYPE 'kerberos' is not a way glaze signs in; use one of: none, noauth, admin_token, v3password, password, v3token, token, v3applicationcredential, application_credential, rackspace_apikey, rax_apikey, rackspace_password, rax_password, v2password"
        [OS_AUTH_URL: KS, OS_USERNAME: 'me', OS_API_KEY: 'key-000001']             || "OS_API_KEY is a Rackspace API key, but OS_AUTH_URL $KS is Keystone v3: give the Rackspace identity URL (ending in /v2.0), or a password instead of the API key"
        [OS_AUTH_URL: RAX, OS_AUTH_TYPE: 'v3password', OS_USERNAME: 'a', OS_PASSWORD: 'pw-000001'] || "OS_AUTH_URL $RAX is the v2.0 identity API, which glaze uses for Rackspace only (API key or password); for Keystone give its /v3 URL"
        [OS_AUTH_URL: RAX, OS_TOKEN: 'tok-000001']                                 || "OS_AUTH_URL $RAX is the v2.0 identity API, which glaze uses for Rackspace only (API key or password); for Keystone give its /v3 URL"
        [OS_TOKEN: 'tok-000001']                                                   || 'OS_TOKEN is set but not where to use it: set OS_IMAGE_URL to the image service URL, or OS_AUTH_URL to sign in with the token'
        [OS_AUTH_URL: KS, OS_AUTH_TYPE: 'token', OS_USERNAME: 'a', OS_PASSWORD: 'pw-000001'] || 'OS_TOKEN is not set: give the token to sign in with'
        [OS_AUTH_URL: KS, OS_APPLICATION_CREDENTIAL_ID: 'ac1']                     || "OS_APPLICATION_CREDENTIAL_SECRET is not set: give the application credential's secret"
        [OS_AUTH_URL: KS, OS_APPLICATION_CREDENTIAL_NAME: 'ci', OS_APPLICATION_CREDENTIAL_SECRET: 's-000001'] || 'OS_APPLICATION_CREDENTIAL_NAME is set but neither OS_USERNAME nor OS_USER_ID is: an application credential given by name needs its user (or set OS_APPLICATION_CREDENTIAL_ID)'
        [OS_API_KEY: 'key-000001']                                                 || 'OS_USERNAME is not set: give the user whose API key OS_API_KEY is'
        [OS_AUTH_URL: 'keystone.example:5000', OS_USERNAME: 'a', OS_PASSWORD: 'pw-000001'] || "OS_AUTH_URL 'keystone.example:5000' is not an absolute http(s) URL, e.g. https://keystone.example.com:5000/v3"
        [OS_IMAGE_URL: 'images.example/v2', OS_TOKEN: 'tok-000001']               || "OS_IMAGE_URL 'images.example/v2' is not an absolute http(s) URL, e.g. https://iad.images.api.rackspacecloud.com/v2"
        [OS_AUTH_URL: KS, OS_USERNAME: 'a', OS_PASSWORD: 'pw-000001', OS_INTERFACE: 'private'] || "OS_INTERFACE 'private' is not an interface: use public, internal or admin"
        [OS_AUTH_TYPE: 'v3password', OS_USERNAME: 'a', OS_PASSWORD: 'pw-000001', OS_REGION_NAME: 'x', OS_TOKEN: 'tok-000001'] || 'OS_AUTH_URL is not set: give the Keystone URL, e.g. https://keystone.example.com:5000/v3'
        [API_ENDPOINT: 'http://127.0.0.1:9292']                                    || 'API_ENDPOINT is set but AUTH_TOKEN is not: set AUTH_TOKEN to a token for http://127.0.0.1:9292 (any text for a service without authentication)'
        [AUTH_TOKEN: 'tok-000001']                                                 || 'AUTH_TOKEN is set but API_ENDPOINT is not: set API_ENDPOINT to the image service URL (or use OS_CLOUD or OS_AUTH_URL)'
    }

    def "a token given with an endpoint becomes the cloud's fixed token and project"() {
        when:
        def cloud = CloudConfig.fromEnvironment([OS_IMAGE_URL: 'http://127.0.0.1:9/v2', OS_TOKEN: 'tok-000001',
                                                 OS_PROJECT_ID: 'p1'], []).toBuilder().build()

        then:
        cloud.projectId.get() == 'p1'
        cloud.imageEndpoint == URI.create('http://127.0.0.1:9')
        !cloud.context().session().isPresent()
    }

    private static String body(Map env) {
        Json.write(CloudConfig.fromEnvironment(env, []).authenticator.get().requestBody())
    }
}
