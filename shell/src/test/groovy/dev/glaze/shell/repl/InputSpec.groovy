package dev.glaze.shell.repl

import spock.lang.Specification

/** When Enter runs a line and when it asks for more; which lines history keeps. */
class InputSpec extends Specification {
    def "'#text' is incomplete"() {
        expect:
        GroovyInputParser.isIncomplete(text)

        where:
        text << ['def f = {', 'images.find {', '"""abc', 'x = [1,\n2', 'f(1,', 'x = 1 +', 'images.', "'''a\n",
                 'def f = { a ->\n a * 2']
    }

    def "'#text' is complete"() {
        expect:
        !GroovyInputParser.isIncomplete(text)

        where:
        text << ['x = 1', "'a{'", '"a${1}b"', '// a { comment', '/don\'t/', 'def f = { a ->\n a * 2\n}', '',
                 '"""a"b"""', 'x++']
    }

    def "an unterminated string hands over to the compiler after two blank lines"() {
        expect:
        GroovyInputParser.isIncomplete('"abc\n')
        !GroovyInputParser.isIncomplete('"abc\n\n')
    }

    def "history keeps ordinary lines and drops those that look like secrets"() {
        given:
        def history = new SecretFilteringHistory()

        when:
        lines.each { history.add(it) }

        then:
        history.collect { it.line() } == ['images.first()', 'x = 1']

        where:
        lines = ['images.first()', "auth.password = 'hunter2'", 'cfg.apiKey = k', "env['OS_API_KEY']", 'api_key = 1',
                 'x = 1', "Cloud.connect(url, 'tok').TOKEN", 'mySecret = 3', 'Authenticators.rackspaceApiKey(u, p)']
    }

    def "history also drops a line holding a secret glaze knows, even without a telling name"() {
        given:
        dev.glaze.core.internal.http.Secrets.register('s3cr3t-value-typed-bare')
        def history = new SecretFilteringHistory()

        when:
        history.add("Cloud.connect(url, 's3cr3t-value-typed-bare')")
        history.add('images.first()')

        then:
        history.collect { it.line() } == ['images.first()']
    }
}
