package dev.glaze.shell

import spock.lang.Specification

import java.util.logging.Level
import java.util.logging.LogRecord

/** Log records become one stderr line each, so stdout's one-line contract and a readable stderr both hold. */
class ConsoleLoggingSpec extends Specification {

    def "a warning with an exception is one line with the exception and where it happened"() {
        given:
        def record = new LogRecord(Level.WARNING, 'failed to serve {0}')
        record.parameters = ['GET /v2/images']
        record.thrown = new IllegalStateException("broken\nacross lines")

        when:
        def line = ConsoleLogging.format(record)

        then:
        line.startsWith('glaze: WARNING: failed to serve GET /v2/images (java.lang.IllegalStateException: broken across lines, at ')
        line.endsWith(')')
        !line.contains('\n')
    }

    def "a multi-line message is folded into one line"() {
        expect:
        ConsoleLogging.format(new LogRecord(Level.SEVERE, 'first\n  second\r\nthird')) == 'glaze: SEVERE: first second third'
    }
}
