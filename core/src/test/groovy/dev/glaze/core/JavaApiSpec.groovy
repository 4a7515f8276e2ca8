package dev.glaze.core

import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** The same API compiles and works from plain Java (JavaUsage is Java source, compiled without Groovy). */
class JavaApiSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')

    def "create, update with a Consumer, filter with a Predicate"() {
        expect:
        JavaUsage.createFindAndUpdate(glance.cloud()) == ['java-made java [from-java]']
    }
}
