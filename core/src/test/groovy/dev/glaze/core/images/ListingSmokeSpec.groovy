package dev.glaze.core.images

import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

class ListingSmokeSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')

    def "an image created is listed, found by name and patched"() {
        given:
        def cloud = glance.cloud()
        def image = cloud.images().create(name: 'smoke', disk_format: 'raw', container_format: 'bare')

        when:
        image.minDisk = 5
        image['release'] = '2024.1'
        def patch = image.pendingPatch()
        image.save()

        then:
        patch.toJson().toString() == '[{"op":"replace","path":"/min_disk","value":5},{"op":"add","path":"/release","value":"2024.1"}]'
        cloud.images().named('smoke').minDisk == 5
        cloud.images().find { it.name == 'smoke' }['release'] == '2024.1'
    }
}
