package dev.glaze.emulator.api

import dev.glaze.emulator.http.HttpError
import spock.lang.Specification

/** The corners of Range handling the contract suite does not reach: legacy Content-Range, Glance's 500s, huge numbers. */
class RangeHeaderSpec extends Specification {

    def "Range #range of 1000 bytes is #offset+#length (#contentRange)"() {
        when:
        def slice = RangeHeader.select(range, null, 1000)

        then:
        slice.offset() == offset
        slice.length() == length
        slice.partial()
        slice.contentRange() == contentRange

        where:
        range                                | offset | length | contentRange
        'bytes=-0'                           | 0      | 1000   | 'bytes 0-999/1000'   // WebOb reads -0 as 0-
        'bytes=0-99999999999999999999999999' | 0      | 1000   | 'bytes 0-999/1000'   // Python ints do not overflow
        'bytes=-99999999999999999999999999'  | 0      | 1000   | 'bytes 0-999/1000'
        'bytes=10-19 trailing text'          | 10     | 10     | 'bytes 10-19/1000'   // re.match anchors at the start only
    }

    def "no Range header means the whole image, answered 200"() {
        expect:
        RangeHeader.select(null, null, 1000) == new RangeHeader.Slice(0, 1000, 1000, false)
    }

    def "Range #range is refused with #status (#detail)"() {
        when:
        RangeHeader.select(range, null, size)

        then:
        HttpError e = thrown()
        e.status() == status
        e.detail() == detail

        where:
        range                         | size | status | detail
        'bytes=-'                     | 1000 | 416    | 'Invalid Range header.'  // Glance: 500
        'bytes=99999999999999999999-' | 1000 | 416    | 'Invalid start position in Range header. Start position MUST be in the inclusive range [0, 999].'
        'bytes=0-0'                   | 0    | 416    | 'Invalid start position in Range header. Start position MUST be in the inclusive range [0, -1].'
        'bytes=0-1,3-4'               | 1000 | 400    | null
    }

    def "a legacy request Content-Range #header selects #offset+#length"() {
        when:
        def slice = RangeHeader.select(null, header, 1000)

        then:
        slice.offset() == offset
        slice.length() == length
        slice.contentRange() == "bytes ${offset}-${offset + length - 1}/1000".toString()

        where:
        header                | offset | length
        'bytes 0-99/*'        | 0      | 100
        'bytes 100-199/1000'  | 100    | 100
        'bytes 900-999/5000'  | 900    | 100
    }

    def "a legacy request Content-Range #header is 416 (#detail)"() {
        when:
        RangeHeader.select(null, header, 1000)

        then:
        HttpError e = thrown()
        e.status() == 416
        e.detail() == detail

        where:
        header               | detail
        'bytes */*'          | 'Invalid Content-Range header.'  // Glance: 500
        'bytes 5-2/*'        | 'Invalid Content-Range header.'
        'bytes 0-99/50'      | 'Invalid Content-Range header.'
        'items 0-9/*'        | 'Invalid Content-Range header.'
        'bytes 0-1000/*'     | 'Invalid stop position in Content-Range header. The stop position MUST be in the inclusive range [0, 999].'
        'bytes 990-1009/2000'| 'Invalid stop position in Content-Range header. The stop position MUST be in the inclusive range [0, 999].'
    }

    def "a Range header wins over a Content-Range one"() {
        expect:
        RangeHeader.select('bytes=0-9', 'bytes 20-29/*', 1000).offset() == 0
    }
}
