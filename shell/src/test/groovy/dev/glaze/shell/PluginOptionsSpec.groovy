package dev.glaze.shell

import dev.glaze.shell.repl.GroovyEvaluator
import dev.glaze.shell.repl.PluginAliasCompleter
import dev.glaze.shell.testing.DumbRepl
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** --plugin, --no-plugins, :plugins and Tab on a plugin's alias, in-process on the embedded image service. */
class PluginOptionsSpec extends Specification {
    @Shared @TempDir Path tmp

    Map<String, String> env() {
        Path yaml = tmp.resolve('clouds.yaml')
        if (!Files.exists(yaml)) {
            Files.writeString(yaml, 'clouds: {}\n')
        }
        // no plugins folder of the machine's user may leak in
        [OS_CLIENT_CONFIG_FILE: yaml.toString(), COLUMNS: '100', GLAZE_PLUGINS: tmp.resolve('no-plugins').toString()]
    }

    Map run(String... args) {
        runWith(env(), args)
    }

    Map runWith(Map<String, String> env, String... args) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def all = ['--local', '--data', tmp.resolve('data').toString()] + (args as List)
        int code = Main.run(all as String[], new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), env)
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    def "by default every plugin on the class path applies; --plugin keeps those named; --no-plugins none"() {
        expect:
        run('-e', 'cloud.plugins().ids()').out == '[sample]\n'
        run('--plugin', 'sample', '-e', 'cloud.plugins().ids()').out == '[sample]\n'
        run('--no-plugins', '-e', 'cloud.plugins().ids()').out == '[]\n'
    }

    /** A plugin jar nobody compiled into the tests: javac and a jar with its services file, made here. */
    Path tinyPluginJar(Path folder) {
        Path src = Files.createDirectories(tmp.resolve('tiny-src/tiny'))
        Files.writeString(src.resolve('TinyPlugin.java'), '''package tiny;
            public final class TinyPlugin implements dev.glaze.core.spi.GlazePlugin {
                public String id() { return "tiny"; }
                public boolean appliesTo(dev.glaze.core.spi.PluginContext cloud) { return true; }
            }''')
        Path classes = Files.createDirectories(tmp.resolve('tiny-classes'))
        String core = Path.of(dev.glaze.core.spi.GlazePlugin.protectionDomain.codeSource.location.toURI()).toString()
        assert javax.tools.ToolProvider.systemJavaCompiler.run(null, null, null, '-cp', core, '-d', classes.toString(),
                src.resolve('TinyPlugin.java').toString()) == 0
        Path jar = Files.createDirectories(folder).resolve('tiny.jar')
        new java.util.jar.JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            out.putNextEntry(new java.util.jar.JarEntry('tiny/TinyPlugin.class'))
            out.write(Files.readAllBytes(classes.resolve('tiny/TinyPlugin.class')))
            out.putNextEntry(new java.util.jar.JarEntry('META-INF/services/dev.glaze.core.spi.GlazePlugin'))
            out.write('tiny.TinyPlugin\n'.bytes)
        }
        jar
    }

    def "a jar in the plugins folder (GLAZE_PLUGINS) is picked up beside the class path's plugins"() {
        given:
        Path folder = tmp.resolve('plugins')
        tinyPluginJar(folder)
        def withFolder = env() + [GLAZE_PLUGINS: folder.toString()]

        expect:
        runWith(withFolder, '-e', 'cloud.plugins().ids()').out == '[sample, tiny]\n'
        runWith(withFolder, '--plugin', 'tiny', '-e', 'cloud.plugins().ids()').out == '[tiny]\n'
        runWith(env(), '-e', 'cloud.plugins().ids()').out == '[sample]\n'
    }

    def "a script reads a plugin's alias as typed; with --no-plugins only the wire name works"() {
        given:
        def script = "def i = images.create(name: 'owned', 'com.example.reviewed': 'yes'); [i.reviewed, i['com.example.reviewed']]"

        expect:
        run('-e', script).out == '[true, yes]\n'

        when:
        def plain = run('--no-plugins', '-e', script)

        then:
        plain.code == ExitCodes.FAILURE
        plain.err.contains("has no property 'reviewed'")
    }

    def "#why is a usage error, exit 2, in one line"() {
        when:
        def r = run(args as String[])

        then:
        r.code == ExitCodes.USAGE
        r.err == "glaze: ${message}\n".toString()

        where:
        why                         | args                                                        || message
        'an unknown plugin'         | ['--plugin', 'nope', '-e', '1']                             || "no plugin 'nope' on the class path; plugins: [sample] (--plugin)"
        'both --plugin and --no-plugins' | ['--plugin', 'sample', '--no-plugins', '-e', '1']     || '--plugin and --no-plugins contradict each other; give one of them'
    }

    def "--help describes both options"() {
        expect:
        Main.run(['--help'] as String[], new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), env()) == 0
        ShellOptions.help().contains('--plugin ID')
        ShellOptions.help().contains('--no-plugins')
    }

    String repl(String input) {
        def selector = new CloudSelector(env(), tmp.resolve('repl-data'), new PrintStream(new ByteArrayOutputStream()), false)
        DumbRepl.run(selector.select(true, null, null), input, tmp.resolve('home/.glaze/history'))
    }

    def ":plugins lists each plugin with its version, priority, whether it is active here, and its properties"() {
        when:
        def screen = repl(':plugins\n:help\n:exit\n')

        then:
        // the table follows the prompt the command was typed at
        screen.readLines().find { it.contains(' version ') } ==~ /glaze> id\s+version\s+priority\s+active\s+properties\s+why/
        screen.readLines().find { it.startsWith('sample ') } ==~ /sample\s+1\.0\s+0\s+yes\s+2\s+applies to local/
        screen.contains(':plugins               the plugins, and which are active for this cloud')
    }

    def "Tab after a dot on an image offers the aliases of its cloud's plugins, without a request"() {
        given:
        def selector = new CloudSelector(env(), tmp.resolve('tab-data'), new PrintStream(new ByteArrayOutputStream()), false)
        Session s = selector.select(true, null, null)
        def evaluator = new GroovyEvaluator(s.cloud(), s.cloudNames(), new PrintStream(new ByteArrayOutputStream()))
        evaluator.evaluate("img = images.create(name: 'tab')", 'input')
        def completer = new PluginAliasCompleter(evaluator.binding())

        when:
        s.cloud().plugins()                     // decided, as the REPL does in the background at start

        then:
        completer.complete('img.own') == ['img.ownerTeam'] as Set
        completer.complete('img.') == ['img.ownerTeam', 'img.reviewed'] as Set
        completer.complete('images.own').isEmpty()

        cleanup:
        s?.close()
    }
}
