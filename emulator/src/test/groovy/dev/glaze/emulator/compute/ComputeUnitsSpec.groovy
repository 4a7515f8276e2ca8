package dev.glaze.emulator.compute

import dev.glaze.emulator.Profile
import dev.glaze.emulator.http.Query
import spock.lang.Specification

/** The pieces of the Compute listing that need no server: status mapping, link encoding, filter keys. */
class ComputeUnitsSpec extends Specification {

    def "Glance status #glance shows as #status with progress #progress"() {
        expect:
        NovaImageStatus.status(glance) == status
        NovaImageStatus.progress(glance) == progress

        where:
        glance           | status    | progress
        'active'         | 'ACTIVE'  | 100
        'queued'         | 'SAVING'  | 25
        'saving'         | 'SAVING'  | 50
        'killed'         | 'ERROR'   | 0
        'deleted'        | 'DELETED' | 0
        'pending_delete' | 'DELETED' | 0
        'deactivated'    | 'UNKNOWN' | 0
        'importing'      | 'UNKNOWN' | 0
        'uploading'      | 'UNKNOWN' | 0
        null             | 'UNKNOWN' | 0
    }

    def "quote_plus leaves #plain alone and encodes the rest"() {
        expect:
        ComputeLinks.quotePlus(plain) == plain
        ComputeLinks.quotePlus('a b/c*é') == 'a+b%2Fc%2A%C3%A9'

        where:
        plain << ['abcXYZ019', '_.-~']
    }

    def "next keeps, of a repeated parameter, the greatest value, as Python's sorted dict does"() {
        given:
        def links = new ComputeLinks('http://h:1', ComputeApiVersion.V2, 'p', new NovaBehaviour(Profile.OPENSTACK))

        expect:
        links.next('images', Query.parse('name=b&name=a&limit=1'), 'X') ==
                'http://h:1/compute/v2/p/images?limit=1&name=b&marker=X'
    }

    def "property filter #param compares #rackspace on Rackspace and #upstream upstream"() {
        expect:
        new NovaBehaviour(Profile.RACKSPACE).propertyKey(param) == rackspace
        new NovaBehaviour(Profile.OPENSTACK).propertyKey(param) == upstream

        where:
        param                      | rackspace       | upstream
        'property-image_type'      | 'image_type'    | 'image_type'
        'property-os_type'         | 'os_type'       | 's_type'
        'property-release'         | 'release'       | 'lease'
        'property-com.rackspace__1' | 'com.rackspace__1' | 'com.rackspace__1'
    }
}
