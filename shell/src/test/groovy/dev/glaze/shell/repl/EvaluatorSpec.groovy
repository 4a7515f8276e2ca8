package dev.glaze.shell.repl

import dev.glaze.core.Cloud
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

/** One Groovy context across evaluations, against the embedded image service (Rackspace profile). */
class EvaluatorSpec extends Specification {
    static final byte[] DATA = ('conectix' + 'x' * 4096).bytes

    @Shared @TempDir Path tmp
    @Shared @AutoCleanup ImageService service
    @Shared Cloud cloud
    def out = new ByteArrayOutputStream()
    GroovyEvaluator eval

    def setupSpec() {
        service = ImageService.start(ServiceConfig.builder(tmp.resolve('data')).port(0).profile(Profile.RACKSPACE)
                .taskDelay(Duration.ofMillis(50)).build())
        String url = service.url()
        cloud = Cloud.builder().endpoint(url).project('local').objectStore(URI.create(url + '/v1/AUTH_local')).build()
        def image = cloud.images().create(name: 'Ubuntu 24.04', disk_format: 'vhd', container_format: 'ovf')
        image.upload(new ByteArrayInputStream(DATA), DATA.length, null)
        cloud.containers().create('exports')
    }

    def setup() {
        eval = new GroovyEvaluator(cloud, ['rackspace', 'lab'], new PrintStream(out, true, 'UTF-8'))
    }

    def "def x = 5 in one evaluation, x + 1 in the next gives 6"() {
        when:
        eval.evaluate('def x = 5', 'input')
        String typed = 'String s = "a"'
        eval.evaluate(typed, 'input')

        then:
        eval.evaluate('x + 1', 'input') == 6
        eval.evaluate('s * 2', 'input') == 'aa'
        eval.evaluate('def f = { n -> n * x }; f(2)', 'input') == 10
        eval.evaluate('f(3)', 'input') == 15
    }

    def "a method defined on one line, over several lines too, is there on the next; so are its siblings"() {
        when:
        eval.evaluate('def twice(n) { n * 2 }', 'input')
        eval.evaluate('def greet(String name) {\n  "hi " + name +\n    "!"\n}', 'input')
        eval.evaluate('int fact(int n) { n <= 1 ? 1 : n * fact(n - 1) }\ndef both(n) { twice(fact(n)) }', 'input')

        then:
        eval.evaluate('twice(21)', 'input') == 42
        eval.evaluate('greet("you")', 'input') == 'hi you!'
        eval.evaluate('both(3)', 'input') == 12
        eval.evaluate('[1, 2].collect { twice(it) }', 'input') == [2, 4]
    }

    def "an import on one line holds for the next ones, static and star imports too; error lines stay the user's"() {
        when:
        eval.evaluate('import java.util.concurrent.TimeUnit', 'input')
        eval.evaluate('import static java.lang.Math.max\nimport java.util.concurrent.atomic.*\n1', 'input')
        eval.evaluate('import java.util.concurrent.ConcurrentHashMap as CHM', 'input')

        then:
        eval.evaluate('TimeUnit.SECONDS.toMillis(2)', 'input') == 2000
        eval.evaluate('max(3, 4)', 'input') == 4
        eval.evaluate('new AtomicInteger(7).get()', 'input') == 7
        eval.evaluate('new CHM().getClass().simpleName', 'input') == 'ConcurrentHashMap'

        when:
        eval.evaluate('1\nthrow new IllegalStateException("no")', 'input')

        then:
        def e = thrown(ScriptError)
        e.message.startsWith('input:2: IllegalStateException: no')
    }

    def "a method named like a bound variable leaves the variable alone; a method redefined replaces the old one"() {
        when:
        eval.evaluate('def images() { 1 }; def m() { 1 }', 'input')
        eval.evaluate('def m() { 2 }', 'input')

        then:
        eval.evaluate('images.getClass().simpleName', 'input') == 'Images'
        eval.evaluate('m()', 'input') == 2
    }

    def "an import that does not compile is not kept"() {
        when:
        eval.evaluate('import no.such.Thing', 'input')

        then:
        thrown(ScriptError)
        eval.evaluate('6 * 7', 'input') == 42
    }

    def "a def inside a closure stays local to it"() {
        expect:
        eval.evaluate('def g = { def inner = 1; inner + 1 }; g()', 'input') == 2
        !eval.binding().hasVariable('inner')
    }

    def "images, tasks, containers, cloud and clouds are bound, and the library's packages imported"() {
        expect:
        eval.evaluate('images.find { it.name =~ /Ubuntu/ }.status', 'input') == 'active'
        eval.evaluate('cloud.is(images.cloud) || cloud.imageEndpoint == images.first().get().cloud.imageEndpoint', 'input')
        eval.evaluate('containers.exists("exports")', 'input') == true
        eval.evaluate('clouds.names', 'input') == ['rackspace', 'lab']
        eval.evaluate('clouds as List', 'input') == ['rackspace', 'lab']
        eval.evaluate('tasks.toList() instanceof List', 'input') == true
        eval.evaluate('[Image, Task, Container, GlazeException, Duration].size()', 'input') == 5
        eval.evaluate('30.minutes', 'input') == Duration.ofMinutes(30)
    }

    def "println goes to the evaluator's output"() {
        when:
        eval.evaluate('println "hi"', 'input')

        then:
        out.toString('UTF-8') == 'hi\n'
    }

    def "the export line of the card works: the task finishes and the object is in exports"() {
        when:
        def task = eval.evaluate("images.find { it.name =~ /Ubuntu/ }.export('exports').await()", 'input')

        then:
        task.success
        task.type == 'export'
        task.exportedObject.bytes == DATA.length
        task.exportLocation ==~ /exports\/[0-9a-f-]{36}\.vhd/
        cloud.containers()['exports'].find(task.exportLocation - 'exports/').present
    }

    def "a runtime error names the file and line, the exception and the source line"() {
        when:
        eval.evaluate('a = 1\nb = a.nosuch', 'job.groovy')

        then:
        def e = thrown(ScriptError)
        !e.compilation
        e.headline().startsWith('job.groovy:2: MissingPropertyException: No such property: nosuch')
        e.message.readLines()[1] == '  b = a.nosuch'
        e.cause instanceof MissingPropertyException
    }

    def "a glaze error keeps its own message"() {
        when:
        eval.evaluate("images.named('no such image')", 'input')

        then:
        def e = thrown(ScriptError)
        e.headline() ==~ /input:1: .*no such image.*/
        !e.headline().contains('Exception:')
    }

    def "a syntax error gives line, column, the line and a caret under the column"() {
        when:
        eval.evaluate('x = 1\nif (x > ) {}', 'input')

        then:
        def e = thrown(ScriptError)
        e.compilation
        def lines = e.message.readLines()
        lines[0] ==~ /input:2:9: Unexpected input: .*/ || lines[0] ==~ /input:2:\d+: .*/
        lines[1] == '  if (x > ) {}'
        lines[2] == '  ' + ' ' * (lines[0].split(':')[2].toInteger() - 1) + '^'
    }
}
