package dev.glaze.core.testing

import dev.glaze.core.Cloud

/**
 * The services the client's contract specs run against: the embedded service in both profiles, always, and a
 * real Glance when {@code GLAZE_REAL_GLANCE_URL} names one (CI starts Debian's glance-api; its stand-in for
 * keystonemiddleware puts every request in project {@code peer-project} with admin roles).
 */
class Targets {
    private static List<Map> cached

    static synchronized List<Map> all() {
        if (cached == null) {
            def os = Emulator.start(profile: 'openstack')
            def rax = Emulator.start(profile: 'rackspace')
            Runtime.runtime.addShutdownHook(new Thread({ os.close(); rax.close() }))
            cached = [[name: 'emulator-openstack', cloud: { os.cloud() }, real: false, openstack: true],
                      [name: 'emulator-rackspace', cloud: { rax.cloud() }, real: false, openstack: false]]
            String real = System.getenv('GLAZE_REAL_GLANCE_URL')
            if (real) {
                cached << [name: 'real-glance', real: true, openstack: true,
                           cloud: { Cloud.builder().endpoint(real).project('peer-project').build() }]
            }
        }
        cached
    }
}
