package dev.glaze.core.plugins

import dev.glaze.core.spi.PropertyCodec
import dev.glaze.core.spi.PropertySpec
import spock.lang.Specification

import java.time.LocalDateTime

/** Each codec's wire form, its round trip, and the one-line reason for a value it cannot take. */
class PropertyCodecSpec extends Specification {
    def "#codec.describe(): '#wire' reads as #value and writes back the same text"() {
        expect:
        codec.decode(wire) == value
        codec.encode(codec.decode(wire)) == wire
        codec.encode(codec.coerce(value)) == wire

        where:
        codec                                                || wire                  | value
        PropertyCodec.string()                               || 'PublicCloud'         | 'PublicCloud'
        PropertyCodec.integerAsString()                      || '1003'                | 1003L
        PropertyCodec.integerAsString()                      || '-1'                  | -1L
        PropertyCodec.booleanAsString('1', '0')              || '1'                   | true
        PropertyCodec.booleanAsString('True', 'False')       || 'False'               | false
        PropertyCodec.dateTime('yyyy-MM-dd_HH-mm-ss')        || '2014-03-19_10-50-10' | LocalDateTime.of(2014, 3, 19, 10, 50, 10)
        PropertyCodec.date('yyyy-MM-dd')                     || '2024-02-29'          | java.time.LocalDate.of(2024, 2, 29)
        PropertyCodec.json()                                 || '{"a":[1,"b"]}'       | [a: [1, 'b']]
        PropertyCodec.oneOf('True', 'False', 'disabled')     || 'disabled'            | 'disabled'
    }

    def "#codec.describe() refuses '#wire': #reason"() {
        when:
        codec.decode(wire)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == reason

        where:
        codec                                         | wire                  || reason
        PropertyCodec.integerAsString()               | '+3'                  || "is not a whole number: '+3'"
        PropertyCodec.integerAsString()               | '3.0'                 || "is not a whole number: '3.0'"
        PropertyCodec.booleanAsString('1', '0')       | 'yes'                 || "is neither '1' nor '0': 'yes'"
        PropertyCodec.dateTime('yyyy-MM-dd_HH-mm-ss') | '2014-02-30_10-50-10' || "is not a date and time of the form yyyy-MM-dd_HH-mm-ss: '2014-02-30_10-50-10'"
        PropertyCodec.date('yyyy-MM-dd')             | '2023-02-29'          || "is not a date of the form yyyy-MM-dd: '2023-02-29'"
        PropertyCodec.oneOf('True', 'False')          | 'false'               || "is not one of 'True', 'False': 'false'"
        PropertyCodec.json()                          | '{a'                  || "is not JSON: '{a'"
    }

    def "a flag reads another spelling of its texts and writes the provider's"() {
        given:
        def flag = PropertyCodec.booleanAsString('True', 'False')

        expect:
        flag.decode('true') == true
        flag.encode(true) == 'True'
    }

    def "a flag with more spellings reads them in any case, blanks around ignored, and writes its own texts"() {
        given: 'a flag as Nova reads it (oslo bool_from_string), written as Glance spells it'
        def flag = PropertyCodec.booleanAsString('yes', 'no', ['1', 'true', 'on'], ['0', 'false', 'off'])

        expect:
        ['yes', 'YES', ' on ', '1', 'True'].every { flag.decode(it) == true }
        ['no', 'Off', '0', 'false'].every { flag.decode(it) == false }
        flag.encode(true) == 'yes' && flag.encode(false) == 'no'

        when:
        flag.decode('maybe')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "is not a flag: 'maybe' (true: 'yes', [1, on, true]; false: 'no', [0, false, off])"

        when: 'a spelling on both sides'
        PropertyCodec.booleanAsString('yes', 'no', ['1', 'y'], ['Y'])

        then:
        thrown(IllegalArgumentException)
    }

    def "a whole number may be assigned as any integral number; a fraction is refused"() {
        given:
        def spec = PropertySpec.named('com.x.id').codec(PropertyCodec.integerAsString()).build()

        expect:
        spec.encode(7) == '7'
        spec.encode(7G) == '7'
        spec.encode('7') == '7'

        when:
        spec.encode(7.5)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "'com.x.id' takes a whole number as text, not BigDecimal 7.5"
    }

    def "aliases must be Groovy identifiers a dot can reach; prefix specs derive theirs"() {
        expect:
        PropertySpec.isValidAlias(alias) == valid

        where:
        alias              || valid
        'releaseBuildDate' || true
        'hw_disk'          || true
        'in'               || false
        'def'              || false
        'release-date'     || false
        '1st'              || false
        '$x'               || false
        ''                 || false
    }

    def "a prefix spec gives each property the camel case of its wire name"() {
        given:
        def hw = PropertySpec.prefix('hw_').build()

        expect:
        hw.aliasFor('hw_disk_bus') == Optional.of('hwDiskBus')
        !hw.matches('hw_')
        hw.aliasFor('os_type') == Optional.empty()
    }
}
