package dev.glaze.shell

import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import dev.glaze.core.ensure.EnsureImage
import dev.glaze.core.ensure.Ensured
import dev.glaze.core.images.DownloadOptions
import dev.glaze.core.images.Image
import dev.glaze.core.images.ImagePatch
import dev.glaze.core.images.Images
import dev.glaze.core.images.Member
import dev.glaze.core.images.TransferProgress
import dev.glaze.core.images.UploadOptions
import dev.glaze.core.prune.Prune
import dev.glaze.core.prune.PruneReport
import dev.glaze.core.replication.Replication
import dev.glaze.core.replication.ReplicationReport
import dev.glaze.core.storage.Container
import dev.glaze.core.storage.Containers
import dev.glaze.core.storage.StoredObject
import dev.glaze.core.tasks.AwaitOptions
import dev.glaze.core.tasks.AwaitSummary
import dev.glaze.core.tasks.ImportRequest
import dev.glaze.core.tasks.JournalEntry
import dev.glaze.core.tasks.Task
import dev.glaze.core.tasks.TaskListener
import dev.glaze.core.tasks.TaskListeners
import dev.glaze.core.tasks.Tasks
import dev.glaze.shell.repl.CloudDirectory
import dev.glaze.shell.repl.GroovyEvaluator
import dev.glaze.shell.repl.RegionList
import dev.glaze.shell.script.ScriptArgs
import dev.glaze.shell.script.ScriptOptions
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.customizers.ImportCustomizer
import spock.lang.Shared
import dev.glaze.shell.testing.Markdown
import dev.glaze.shell.testing.Offline
import spock.lang.Specification
import spock.lang.TempDir

import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.nio.file.FileSystems
import java.nio.file.Files
import java.nio.file.Path

/**
 * docs/reference.md cannot drift: every public method of the classes a script meets (and every method the Groovy
 * extension modules add to them) has a line in its class's section, every section is a class that exists, every
 * exception glaze throws is in the exceptions table, and the groovy blocks run, in order, as one script through the
 * shell on the embedded service with three regions ("groovy not-run" blocks only compile).
 */
class ReferenceSpec extends Specification {
    static final Path ROOT = [Path.of('..'), Path.of('.')].find { Files.isRegularFile(it.resolve('docs/reference.md')) }
    static final Path DOC = ROOT.resolve('docs/reference.md')

    /** The classes a script or REPL user meets, each with a section of its own named as below. */
    static final List<Class> CLASSES = [Cloud, Cloud.Builder, RegionList, CloudDirectory, ScriptArgs, ScriptOptions,
                                        Images, Image, ImagePatch, ImagePatch.Operation, Member, TransferProgress,
                                        UploadOptions, DownloadOptions, Tasks, ImportRequest, Task, AwaitOptions,
                                        AwaitSummary, JournalEntry, TaskListener, TaskListeners, Containers,
                                        Container, StoredObject, Replication, ReplicationReport,
                                        ReplicationReport.Row, EnsureImage, Ensured, Prune, PruneReport,
                                        PruneReport.Row, Number]

    /** Sections that are not one class. */
    static final List<String> OTHER_SECTIONS = ['Bindings', 'REPL commands', 'Exceptions']

    /** Extension methods of a type that is not itself a listed class go to the section of the class named here. */
    static final Map<Class, Class> EXTENDED_AS = [(Iterable): Images]   // replicate(Iterable<Image>): images.replicate

    /** Public methods left out of the reference on purpose, as 'Class#method'. */
    static final Set<String> EXCLUDED = [
            'Cloud#context',                 // internal: "not part of the API" (its Javadoc)
            'Images#spliterator',            // Iterable's defaults: Groovy's each/collect/find are what a script uses
            'Images#forEach',
            'Tasks#spliterator', 'Tasks#forEach',
            'Containers#spliterator', 'Containers#forEach',
            'RegionList#spliterator', 'RegionList#forEach',
            'CloudDirectory#spliterator', 'CloudDirectory#forEach',
            'AwaitOptions#initialPoll',      // how the poller reads the options, not something a script sets
            'AwaitOptions#maxPoll',
    ] as Set

    @Shared @TempDir
    Path tmp

    static String sectionName(Class c) {
        c.package == null || c.package.name == 'java.lang' ? c.simpleName
                : c.name.substring(c.package.name.length() + 1).replace('$', '.')
    }

    /** Each '## ' heading with the text under it, up to the next, without the examples: a use is not a reference line. */
    static Map<String, String> sections() {
        Map<String, StringBuilder> out = [:]
        StringBuilder current = null
        boolean fenced = false
        Files.readAllLines(DOC).each { String line ->
            if (line.startsWith('```')) {
                fenced = !fenced
            } else if (!fenced && line.startsWith('## ')) {
                current = new StringBuilder()
                out[line.substring(3).trim()] = current
            } else if (current != null && !fenced) {
                current << line << '\n'
            }
        }
        out.collectEntries { k, v -> [k, v.toString()] } as Map<String, String>
    }

    static List<Map> blocks() {
        Markdown.blocks(DOC)
    }

    private static final Set<String> OBJECT_METHODS = Object.methods*.name as Set

    static boolean excluded(Class owner, Method m) {
        m.synthetic || m.bridge || m.name in OBJECT_METHODS || "${owner.simpleName}#${m.name}".toString() in EXCLUDED
    }

    /** The extension classes of the extension module descriptor(s) on the class path. */
    static List<Class> extensionClasses() {
        def urls = ReferenceSpec.classLoader.getResources('META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule')
        urls.toList().collectMany { URL url ->
            def props = new Properties()
            url.withInputStream { props.load(it) }
            (props.getProperty('extensionClasses') ?: '').split(',')*.trim().findAll().collect { Class.forName(it) }
        }
    }

    /** 'getMinDisk' reads as minDisk (and 'getKiB' as KiB); null for a method that is not a getter or setter. */
    static List<String> propertyNames(Method m, int params) {
        def match = m.name =~ /^(get|is|set)([A-Z].*)$/
        if (!match || (match.group(1) == 'set' ? params != 1 : params != 0)) {
            return null
        }
        String rest = match.group(2)
        [rest, rest[0].toLowerCase() + rest.substring(1)].unique()
    }

    /** How the reference may mention a method: as a property, a subscript, or by its name and a parenthesis. */
    static boolean mentioned(String text, Method m, int params, boolean record) {
        if (m.name == 'getAt') {
            return text =~ /\w\[[^\]]*\]/
        }
        if (m.name == 'putAt') {
            return text =~ /\]\s*=/
        }
        if (m.name == 'propertyMissing') {
            return text =~ /`propertyMissing`/       // Groovy's hook: a line says which properties it answers
        }
        def names = propertyNames(m, params)
        if (names != null && names.any { text =~ /(?<![\w-])${java.util.regex.Pattern.quote(it)}(?![\w-])/ }) {
            return true
        }
        if (record && params == 0 && text =~ /(?<![\w-])${m.name}(?![\w-])/) {
            return true
        }
        text =~ /(?<![\w-])${m.name}\s*[({]/
    }

    def "every section of docs/reference.md is a listed class or one of the others, and every class has one"() {
        given:
        def names = sections().keySet()
        def classSections = CLASSES.collect { sectionName(it) }

        expect:
        def stale = names - classSections - OTHER_SECTIONS
        assert stale.isEmpty(): "docs/reference.md has sections for no class of glaze: $stale"
        def missing = classSections + OTHER_SECTIONS - names
        assert missing.isEmpty(): "docs/reference.md has no section for $missing"
    }

    def "every public method, and every extension method, has a line in its class's section"() {
        given:
        def sections = sections()
        Map<Class, List<String>> missing = [:].withDefault { [] }
        CLASSES.findAll { it != Number }.each { Class c ->
            def text = sections[sectionName(c)] ?: ''
            c.methods.findAll { !excluded(c, it) }.each { Method m ->
                if (!mentioned(text, m, m.parameterCount, c.record)) {
                    missing[c] << "${Modifier.isStatic(m.modifiers) ? "${c.simpleName}." : ''}${m.name}(${m.parameterTypes*.simpleName.join(', ')})"
                }
            }
        }
        List<String> unplaced = []
        extensionClasses().each { Class ext ->
            ext.declaredMethods.findAll { Modifier.isPublic(it.modifiers) && Modifier.isStatic(it.modifiers) }.each { Method m ->
                Class self = m.parameterTypes[0]
                Class owner = self in CLASSES ? self : EXTENDED_AS[self]
                if (owner == null) {
                    unplaced << "${ext.simpleName}.${m.name}(${self.simpleName}, ...)"
                    return
                }
                def text = sections[sectionName(owner)] ?: ''
                if (!mentioned(text, m, m.parameterCount - 1, false)) {
                    missing[owner] << "${m.name}(${m.parameterTypes.drop(1)*.simpleName.join(', ')}) from ${ext.simpleName}"
                }
            }
        }

        expect:
        assert unplaced.isEmpty(): "extension methods of a type without a section in docs/reference.md: $unplaced"
        assert missing.isEmpty(): 'docs/reference.md lacks a line for:\n' + missing.collect { c, ms ->
            "  ## ${sectionName(c)}: ${ms.unique().join(', ')}"
        }.join('\n')
    }

    def "every command of the REPL has a line in the REPL commands section"() {
        given:
        def source = Files.readString(ROOT.resolve('shell/src/main/java/dev/glaze/shell/repl/ReplCommands.java'))
        def commands = (source =~ /case (":[a-z]+")/).collect { it[1][1..-2] }
        def text = sections()['REPL commands'] ?: ''

        expect:
        commands.size() >= 8
        def missing = commands.findAll { !text.contains('`' + it) }
        assert missing.isEmpty(): "the REPL commands section of docs/reference.md lacks $missing"
    }

    def "every exception glaze throws is in the exceptions table, with its own methods"() {
        given:
        def text = sections()['Exceptions'] ?: ''
        def exceptions = (glazeClasses(GlazeException) + glazeClasses(ScriptArgs)).findAll {
            GlazeException.isAssignableFrom(it) && Modifier.isPublic(it.modifiers)
        }.unique()
        List<String> missing = []
        exceptions.each { Class e ->
            if (!(text =~ /(?<!\w)${e.simpleName}(?!\w)/)) {
                missing << e.simpleName
            }
            e.declaredMethods.findAll { Modifier.isPublic(it.modifiers) && !it.synthetic && !(it.name in OBJECT_METHODS)
                    && !(it.name in Throwable.methods*.name) && !Modifier.isStatic(it.modifiers) }.each { Method m ->
                if (!mentioned(text, m, m.parameterCount, false)) {
                    missing << "${e.simpleName}.${m.name}()"
                }
            }
        }

        expect:
        exceptions.size() >= 20
        assert missing.isEmpty(): "the exceptions table of docs/reference.md lacks $missing"
    }

    /** The public classes of the module (directory or jar) that holds {@code sample}, outside internal packages. */
    static List<Class> glazeClasses(Class sample) {
        Path location = Path.of(sample.protectionDomain.codeSource.location.toURI())
        List<String> names = []
        def collect = { Path root ->
            Files.walk(root).withCloseable { s ->
                s.map { root.relativize(it).toString().replace(root.fileSystem.separator, '/') }
                        .filter { it.endsWith('.class') && !it.contains('$') && !it.contains('/internal/') }
                        .forEach { names << it.replaceAll(/\.class$/, '').replace('/', '.') }
            }
        }
        if (Files.isDirectory(location)) {
            collect(location)
        } else {
            FileSystems.newFileSystem(location, (ClassLoader) null).withCloseable { collect(it.getPath('/')) }
        }
        names.collect { it.startsWith('.') ? it.substring(1) : it }.collect { Class.forName(it) }
    }

    def "the groovy blocks run, in order, as one script through the shell on the embedded service with three regions"() {
        given:
        def runnable = blocks().findAll { it.info == 'groovy' }
        def script = Files.writeString(tmp.resolve('reference.groovy'), Markdown.script(DOC))

        when: 'the arguments are those the ScriptArgs example parses'
        def r = Offline.run(tmp, [script.toString(), '--keep', '2', 'web-.*'])

        then:
        runnable.size() >= 10
        assert r.code == 0: "exit code ${r.code}:\n${r.err}\n--- stdout:\n${r.out}"
    }

    def "groovy not-run blocks compile, with the shell's imports"() {
        given:
        def config = new CompilerConfiguration()
        config.addCompilationCustomizers(new ImportCustomizer().addStarImports(GroovyEvaluator.STAR_IMPORTS)
                .addImports('java.time.Duration'))
        def blocks = blocks().findAll { it.info == 'groovy not-run' }

        expect:
        blocks.every { new GroovyShell(config).parse(it.text as String, "reference_line_${it.line}.groovy") }
    }
}
