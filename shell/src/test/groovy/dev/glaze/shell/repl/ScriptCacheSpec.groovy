package dev.glaze.shell.repl

import dev.glaze.core.Cloud
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The compiled classes of -e expressions and scripts, kept between runs: the second run of a source takes them
 * from the cache instead of compiling, and everything a script does still works the same from there.
 */
class ScriptCacheSpec extends Specification {
    @TempDir
    Path tmp

    Cloud cloud = Cloud.connect('http://127.0.0.1:9', 'token-not-used')

    GroovyEvaluator evaluator() {
        new GroovyEvaluator(cloud, [], new PrintStream(new ByteArrayOutputStream()))
    }

    List<Path> entries(Path folder) {
        Files.list(folder).withCloseable { it.filter { it.toString().endsWith('.zip') }.toList() }
    }

    def "the second run of a source uses the classes the first run stored"() {
        given:
        def cache = ScriptCache.in(tmp)
        evaluator().evaluate('6 * 7', 'expression', cache)
        Path answer = entries(tmp)[0]
        evaluator().evaluate('"from the cache"', 'expression', cache)
        Path other = entries(tmp).find { it != answer } // not minus: a Path is an Iterable of its names

        when: 'the entry of 6 * 7 holds the classes of the other expression'
        Files.copy(other, answer, java.nio.file.StandardCopyOption.REPLACE_EXISTING)

        then: 'running 6 * 7 again runs what the cache holds: it was not compiled again'
        evaluator().evaluate('6 * 7', 'expression', cache) == 'from the cache'
    }

    def "an entry prefetched before Groovy's runtime is ready is the one the run uses, once"() {
        given:
        def cache = ScriptCache.in(tmp)
        evaluator().evaluate('6 * 7', 'expression', cache)
        Path answer = entries(tmp)[0]
        evaluator().evaluate('"changed on disk"', 'expression', cache)
        Path other = entries(tmp).find { it != answer }

        when: 'the entry is read ahead, then replaced on disk'
        def fresh = ScriptCache.in(tmp)
        fresh.prefetch('6 * 7', 'expression')
        Files.copy(other, answer, java.nio.file.StandardCopyOption.REPLACE_EXISTING)

        then: 'the run uses what was read ahead; a second run reads the disk again'
        evaluator().evaluate('6 * 7', 'expression', fresh) == 42
        evaluator().evaluate('6 * 7', 'expression', fresh) == 'changed on disk'
    }

    def "a prefetch of another source or name is not used"() {
        given:
        def cache = ScriptCache.in(tmp)
        cache.prefetch('1 + 1', 'expression')

        expect:
        evaluator().evaluate('1 + 2', 'expression', cache) == 3
        evaluator().evaluate('1 + 1', 'job.groovy', cache) == 2
        evaluator().evaluate('1 + 1', 'expression', cache) == 2
    }

    def "an edited source, or the same source under another file name, is compiled afresh"() {
        given:
        def cache = ScriptCache.in(tmp)

        expect:
        evaluator().evaluate('1 + 1', 'expression', cache) == 2
        evaluator().evaluate('1 + 2', 'expression', cache) == 3
        evaluator().evaluate('1 + 2', 'job.groovy', cache) == 3
        entries(tmp).size() == 3
    }

    def "closures, declared classes, the binding and args work from the cache"() {
        given:
        def cache = ScriptCache.in(tmp)
        def source = '''
            class Point { int x }
            total = args.collect { new Point(x: it as int) }.sum { it.x * 2 }
            "${cloud.getClass().simpleName}: $total"
        '''

        when:
        def results = (1..2).collect {
            def e = evaluator()
            e.binding().setVariable('args', ['1', '2', '3'] as String[])
            [e.evaluate(source, 'job.groovy', cache), e.binding().getVariable('total')]
        }

        then:
        results == [['Cloud: 12', 12], ['Cloud: 12', 12]]
        entries(tmp).size() == 1
    }

    def "an error thrown from cached classes names the file and line, as from freshly compiled ones"() {
        given:
        def cache = ScriptCache.in(tmp)
        def source = 'def x = 1\nthrow new IllegalStateException("boom at $x")\n'

        when:
        def messages = (1..2).collect {
            try {
                evaluator().evaluate(source, 'job.groovy', cache)
                null
            } catch (ScriptError e) {
                e.headline()
            }
        }

        then:
        messages[0] == messages[1]
        messages[0].startsWith('job.groovy:2: ')
        messages[0].contains('boom at 1')
    }

    def "a syntax error is reported as before and nothing is stored"() {
        given:
        def cache = ScriptCache.in(tmp)

        when:
        evaluator().evaluate('images.find { it.name ==', 'expression', cache)

        then:
        def e = thrown(ScriptError)
        e.compilation
        e.headline().startsWith('expression:1:')
        !Files.exists(tmp) || entries(tmp).isEmpty()
    }

    def "a damaged entry is compiled again and replaced"() {
        given:
        def cache = ScriptCache.in(tmp)
        evaluator().evaluate('"intact"', 'expression', cache)
        Path entry = entries(tmp)[0]
        Files.write(entry, 'not a zip'.bytes)

        expect:
        evaluator().evaluate('"intact"', 'expression', cache) == 'intact'
        new String(Files.readAllBytes(entry), 'ISO-8859-1').startsWith('PK')
    }

    def "the cache keeps at most its number of entries, the newest among them"() {
        given:
        def cache = new ScriptCache(tmp, 3)

        when:
        (1..5).each { evaluator().evaluate("$it * 10", 'expression', cache) }
        def kept = entries(tmp)
        evaluator().evaluate('5 * 10', 'expression', cache)

        then:
        kept.size() == 3
        entries(tmp).size() == 3
    }

    def "a cache that cannot be written only costs time"() {
        given: 'the cache folder is a file'
        Path file = Files.writeString(tmp.resolve('cache'), 'a file')
        def cache = ScriptCache.in(file)

        expect:
        evaluator().evaluate('[1, 2, 3].sum()', 'expression', cache) == 6
        evaluator().evaluate('[1, 2, 3].sum()', 'expression', cache) == 6
        Files.readString(file) == 'a file'
    }
}
