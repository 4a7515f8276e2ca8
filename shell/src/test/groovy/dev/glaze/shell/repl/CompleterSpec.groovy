package dev.glaze.shell.repl

import dev.glaze.core.Cloud
import spock.lang.Specification

/** Tab completion: names of the binding, then members by type, without ever calling the service. */
class CompleterSpec extends Specification {
    List<String> log = []
    // nothing listens on port 9 of the loopback: a request would fail, and the log would show it
    Cloud cloud = Cloud.builder().endpoint('http://127.0.0.1:9').project('local').httpLog { log << it }.build()
    GroovyEvaluator eval = new GroovyEvaluator(cloud, [], new PrintStream(new ByteArrayOutputStream()))
    BindingCompleter completer = new BindingCompleter(eval.binding())

    def "ima completes to images, and an empty word lists the bound names"() {
        expect:
        completer.complete('ima') as List == ['images']
        completer.complete('') .containsAll(['images', 'tasks', 'containers', 'cloud', 'clouds'])
        completer.complete('cl') as List == ['cloud', 'clouds']
        log.isEmpty()
    }

    def "images.fi offers find, findAll and first; members follow declared types; no request is made"() {
        when:
        def fi = completer.complete('images.fi')
        def viaType = completer.complete('cloud.images().wh')
        def prop = completer.complete('cloud.imageEndpoint.ho')

        then:
        fi.containsAll(['images.find', 'images.findAll', 'images.first', 'images.findNamed'])
        fi.every { it.startsWith('images.fi') }
        viaType == ['cloud.images().where'] as Set
        prop == ['cloud.imageEndpoint.host'] as Set
        log.isEmpty()
    }

    def "a variable the user made completes by its class; unknown roots give nothing"() {
        given:
        eval.evaluate("def word = 'abc'", 'input')

        expect:
        completer.complete('word.toUpper').contains('word.toUpperCase')
        completer.complete('nosuch.x').isEmpty()
    }

    def "the expression left of the cursor runs over names, dots and empty calls"() {
        expect:
        BindingCompleter.expressionBefore('x = cloud.images().wh', 21) == 'cloud.images().wh'
        BindingCompleter.expressionBefore('images.find { it.na', 19) == 'it.na'
        BindingCompleter.expressionBefore('f(images.fi', 11) == 'images.fi'
    }
}
