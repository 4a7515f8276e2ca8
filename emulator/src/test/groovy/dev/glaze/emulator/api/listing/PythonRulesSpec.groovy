package dev.glaze.emulator.api.listing

import dev.glaze.emulator.http.HttpError
import dev.glaze.emulator.http.Query
import spock.lang.Specification

/**
 * The Python rules Glance's listing relies on, ported to Java. Every expectation below was produced by running the
 * real code (Debian's glance 25.1, iso8601, Python 3.11) on the same input.
 */
class PythonRulesSpec extends Specification {

    def "int('#text') is #expected"() {
        expect:
        (expected == null ? fails { PythonText.parseInt(text) } : PythonText.parseInt(text) == expected)

        where:
        text                   | expected
        '5'                    | 5G
        ' 5 '                  | 5G
        '+5'                   | 5G
        '-0'                   | 0G
        '1_000'                | 1000G
        '\u0663'               | 3G      // ARABIC-INDIC DIGIT THREE
        '\u00a05\u2003'        | 5G      // no-break space, em space
        '99999999999999999999' | 99999999999999999999G
        '1__0'                 | null
        '_1'                   | null
        '1_'                   | null
        '0x10'                 | null
        '5.0'                  | null
        ''                     | null
        '-'                    | null
        ' '                    | null
    }

    def "parse_isotime('#text') is #expected microseconds (UTC)"() {
        expect:
        (expected == null ? !IsoTime.parses(text) : IsoTime.micros(text) == expected)

        where:
        text                              | expected
        '2016'                            | 1451606400000000
        '2016-04-18'                      | 1460937600000000
        '2016-4-8'                        | 1460073600000000
        '20160418'                        | 1460937600000000
        '20160418T2138'                   | 1461015480000000
        '2016-04-18T21'                   | 1461013200000000
        '2016-04-18T2138'                 | 1461015480000000
        '2016-04-18T21:38:54Z'            | 1461015534000000
        '2016-04-18 21:38:54.123456789Z'  | 1461015534123456
        '2016-04-18T21:38:54,5+02:00'     | 1461008334500000
        '2016-04-18T21:38-0130'           | 1461020880000000
        '2016-04-18T21:38:54+0530'        | 1460995734000000
        '2016-04-18T21:38:54+23:59'       | 1460929194000000
        '2016-04-18T21:38:54Z\n'          | 1461015534000000
        '201604'                          | null
        '2016-13-01'                      | null
        '2016-02-30'                      | null
        '0000-01-01'                      | null
        '2016-04-18T24:00:00Z'            | null
        '2016-04-18T21:38:60Z'            | null
        '2016-04-18T21:38:54+24:00'       | null
        'gt:2016-04-18'                   | null
        ''                                | null
    }

    def "split_filter_op('#text') is #op and '#operand'"() {
        expect:
        FilterValues.split(text) == new FilterValues.Operation(op, operand)

        where:
        text                      | op   | operand
        'a'                       | 'eq' | 'a'
        'gt:2016-04-18T21:38:54Z' | 'gt' | '2016-04-18T21:38:54Z'
        '2016-04-18T21:38:54Z'    | 'eq' | '2016-04-18T21:38:54Z'
        '2016-04-18T21:38'        | 'eq' | '2016-04-18T21:38'
        'in:a,b'                  | 'in' | 'a,b'
        'x:y:z'                   | 'x'  | 'y:z'
        ':a'                      | ''   | 'a'
        'a:'                      | 'a'  | ''
        '10:20'                   | '10' | '20'
    }

    def "an in: list '#text' holds #expected"() {
        expect:
        FilterValues.inList(text) == expected

        where:
        text          | expected
        'a,b'         | ['a', 'b']
        '"a,b",c'     | ['a,b', 'c']
        'a,,b'        | ['a', '', 'b']
        ',a'          | ['', 'a']
        'a,'          | ['a']
        '""'          | ['']
        '"",a'        | ['', 'a']
        '"a\\"b",c'   | ['a\\"b', 'c']
        '"a"'         | ['a']
        ''            | []
        'a b, c'      | ['a b', ' c']
    }

    def "an in: list '#text' is refused with '#message'"() {
        when:
        FilterValues.inList(text)

        then:
        def e = thrown(HttpError)
        e.status() == 400
        e.explanation() == message

        where:
        text      | message
        'a,"b'    | 'Invalid filter value a,"b. The quote is not closed.'
        'a"b"'    | 'Invalid filter value a"b". There is no comma before opening quotation mark.'
        '"a"b'    | 'Invalid filter value "a"b. There is no comma after closing quotation mark.'
        '"a\\",b' | 'Invalid filter value "a\\",b. The quote is not closed.'
    }

    def "links are encoded as Python's urlencode encodes them"() {
        given:
        def query = Query.parse('a%20b=x+y*~\'!()%C3%A9%2F%2B%26%3D&k=&marker=old')

        expect:
        ListingLinks.first(query) == '/v2/images?a+b=x+y%2A~%27%21%28%29%C3%A9%2F%2B%26%3D&k='
        ListingLinks.next(query, 'm') == '/v2/images?a+b=x+y%2A~%27%21%28%29%C3%A9%2F%2B%26%3D&k=&marker=m'
        ListingLinks.first(Query.parse(null)) == '/v2/images'
    }

    def "the marker moves to the end of next, as Python's dict pop and re-insert put it"() {
        expect:
        ListingLinks.next(Query.parse('marker=x&limit=2&tag=a&tag=b'), 'y') == '/v2/images?limit=2&tag=b&marker=y'
    }

    private static boolean fails(Closure c) {
        try {
            c()
            return false
        } catch (NumberFormatException ignored) {
            return true
        }
    }
}
