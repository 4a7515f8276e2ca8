package dev.glaze.shell

import org.codehaus.groovy.vmplugin.v9.ClassFindFailedException
import org.codehaus.groovy.vmplugin.v9.ClassFinder
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.environment.RestoreSystemProperties

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream

/**
 * glaze's stand-in for Groovy's {@code ClassFinder} (decision 0007) answers as Groovy's own does, which is loaded
 * here from the Groovy jar on a loader of its own, whether the answer is kept or not, and whatever happens to the
 * kept file or the jar it lists.
 */
@RestoreSystemProperties
class ClassFinderSpec extends Specification {
    static final URI JAVA_BASE = URI.create('jrt:/modules/java.base/')
    static final URI GROOVY_JAR = ClassFindFailedException.protectionDomain.codeSource.location.toURI()

    @Shared
    def groovys = new URLClassLoader([GROOVY_JAR.toURL()] as URL[], ClassLoader.platformClassLoader)
            .loadClass(ClassFinder.name)

    @TempDir
    Path tmp

    Path keep() {
        Path folder = tmp.resolve('class-lists')
        System.setProperty(ClassFinder.CACHE_PROPERTY, folder.toString())
        folder
    }

    def "the stand-in is the class Groovy finds, not Groovy's own"() {
        expect:
        ClassFinder.protectionDomain.codeSource.location !=
                ClassFindFailedException.protectionDomain.codeSource.location
        groovys.protectionDomain.codeSource.location.toURI() == GROOVY_JAR
    }

    def "without a folder to keep lists in, it answers as Groovy's ClassFinder does"() {
        given:
        System.clearProperty(ClassFinder.CACHE_PROPERTY)

        expect:
        ClassFinder.find(entry, pkg, recursive) == groovys.find(entry, pkg, recursive)

        where:
        entry      | pkg           | recursive
        JAVA_BASE  | 'java'        | true
        JAVA_BASE  | 'java/util'   | false
        GROOVY_JAR | 'groovy'      | true
        GROOVY_JAR | 'groovy/lang' | false
    }

    def "the JDK's and the Groovy jar's lists are kept, and a later call gives the same answer from the file"() {
        given:
        Path folder = keep()
        def groovysAnswer = groovys.find(entry, pkg, true)

        when:
        def first = ClassFinder.find(entry, pkg, true)
        def files = Files.list(folder).toList()

        then:
        first == groovysAnswer
        first.size() > 400 // a real list: ~460 names in the Groovy jar, ~3 100 in java.base
        files.size() == 1

        when: 'the list is changed on disk: the answer comes from the file, not from walking the entry again'
        def lines = Files.readAllLines(files[0])
        String planted = lines[3].takeWhile { it != '\t' }
        lines[3] = planted + '\tplanted/pkg'
        Files.write(files[0], lines)
        def second = ClassFinder.find(entry, pkg, true)

        then:
        second == groovysAnswer + [(planted): ['planted/pkg'] as Set]
        second.keySet().toList() == groovysAnswer.keySet().toList()
        Files.list(folder).toList() == files

        where:
        entry      | pkg
        JAVA_BASE  | 'java'
        GROOVY_JAR | 'groovy'
    }

    def "each entry, package and depth has a list of its own"() {
        given:
        Path folder = keep()

        when:
        def deep = ClassFinder.find(GROOVY_JAR, 'groovy', true)
        def shallow = ClassFinder.find(GROOVY_JAR, 'groovy', false)
        def lang = ClassFinder.find(GROOVY_JAR, 'groovy/lang', false)

        then:
        deep == groovys.find(GROOVY_JAR, 'groovy', true)
        shallow == groovys.find(GROOVY_JAR, 'groovy', false)
        lang == groovys.find(GROOVY_JAR, 'groovy/lang', false)
        lang.GString == ['groovy/lang'] as Set
        Files.list(folder).count() == 3
    }

    def "a jar that changed is listed again"() {
        given:
        keep()
        Path jar = tmp.resolve('app.jar')
        writeJar(jar, ['app/Alpha.class', 'app/sub/Beta.class'])

        expect:
        ClassFinder.find(jar.toUri(), 'app', true) == [Alpha: ['app'] as Set, Beta: ['app/sub'] as Set]

        when:
        writeJar(jar, ['app/Alpha.class', 'app/Gamma.class', 'app/sub/Alpha.class'])
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5000))

        then:
        ClassFinder.find(jar.toUri(), 'app', true) == [Alpha: ['app', 'app/sub'] as Set, Gamma: ['app'] as Set]
        ClassFinder.find(jar.toUri(), 'app', true) == groovys.find(jar.toUri(), 'app', true)
    }

    def "a damaged or foreign file in the folder is not believed: the classes are found again and kept anew"() {
        given:
        Path folder = keep()
        def answer = ClassFinder.find(GROOVY_JAR, 'groovy/lang', false)
        Path file = Files.list(folder).toList()[0]
        def kept = Files.readAllLines(file)
        def damaged = [
                'KEPT-WITH-ONE-LINE-MORE-COUNTED': kept.take(2) + ["${answer.size() + 1}".toString()] + kept.drop(3),
                'KEPT-CUT-SHORT'                 : kept.dropRight(1),
                'KEPT-CUT-IN-A-LINE'             : kept.dropRight(2) + [kept[-2].take(kept[-2].length() - 3)],
                'KEPT-WITH-MORE-AFTER-THE-END'   : kept + ['Extra\tx'],
                'KEPT-COUNT-NOT-A-NUMBER'        : kept.take(2) + ['many'] + kept.drop(3),
                'KEPT-WITH-A-LINE-WITHOUT-TAB'   : kept.dropRight(2) + [kept[-2].replace('\t', ' '), kept.last()],
        ]

        when:
        if (damaged[damage]) {
            Files.write(file, damaged[damage])
        } else {
            Files.writeString(file, damage)
        }

        then:
        ClassFinder.find(GROOVY_JAR, 'groovy/lang', false) == answer
        Files.readAllLines(file) == kept

        where:
        damage << ['', 'glaze class list 1\n', 'something else\nentirely\n',
                   "glaze class list 1\n${GROOVY_JAR} groovy/lang false 1 2\n1\nGString\tgroovy/lang\n",
                   'KEPT-WITH-ONE-LINE-MORE-COUNTED', 'KEPT-CUT-SHORT', 'KEPT-CUT-IN-A-LINE',
                   'KEPT-WITH-MORE-AFTER-THE-END', 'KEPT-COUNT-NOT-A-NUMBER',
                   'KEPT-WITH-A-LINE-WITHOUT-TAB']
    }

    def "a jar whose class names do not fit the file's lines is answered, not kept"() {
        given:
        Path folder = keep()
        Path jar = tmp.resolve('odd.jar')
        writeJar(jar, ['app/Plain.class', 'app/Odd\tName.class'])

        expect:
        ClassFinder.find(jar.toUri(), 'app', true) == groovys.find(jar.toUri(), 'app', true)
        ClassFinder.find(jar.toUri(), 'app', true).keySet() == ['Plain', 'Odd\tName'] as Set
        !Files.exists(folder) || Files.list(folder).count() == 0
    }

    def "a partial file a killed writer left is removed once it is a day old, a newer one is left to its writer"() {
        given:
        Path folder = Files.createDirectories(keep())
        Path old = Files.writeString(folder.resolve('1234abcd.txt.5550001.tmp'), 'glaze class list 2\n')
        Path recent = Files.writeString(folder.resolve('1234abcd.txt.5550002.tmp'), 'glaze class list 2\n')
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 25 * 3600 * 1000L))

        when:
        def answer = ClassFinder.find(GROOVY_JAR, 'groovy/lang', false)

        then:
        answer == groovys.find(GROOVY_JAR, 'groovy/lang', false)
        !Files.exists(old)
        Files.exists(recent)
        Files.list(folder).filter { it.toString().endsWith('.txt') }.count() == 1
    }

    def "a folder that cannot be written only costs the time: the answer is the same"() {
        given:
        Path notAFolder = Files.writeString(tmp.resolve('file'), 'x')
        System.setProperty(ClassFinder.CACHE_PROPERTY, notAFolder.resolve('lists').toString())

        expect:
        ClassFinder.find(GROOVY_JAR, 'groovy/lang', false) == groovys.find(GROOVY_JAR, 'groovy/lang', false)
        Files.readString(notAFolder) == 'x'
    }

    def "what Groovy's refuses, the stand-in refuses the same way"() {
        given:
        keep()

        when:
        ClassFinder.find(GROOVY_JAR, 'no/such/package', true)

        then:
        def e = thrown(ClassFindFailedException)
        e.message.contains('no/such/package')

        when:
        ClassFinder.find(tmp.resolve('missing.jar').toUri(), 'app', true)

        then:
        def missing = thrown(IllegalArgumentException)
        missing.message.endsWith('missing.jar does not exist')

        when:
        ClassFinder.find(URI.create('http://example.com/lib.jar'), 'app', true)

        then:
        thrown(UnsupportedOperationException)
    }

    def "a folder of classes is walked each time, as Groovy does: it may change without its own time changing"() {
        given:
        Path folder = keep()
        Path classes = Files.createDirectories(tmp.resolve('classes/app/sub'))
        Files.writeString(classes.resolve('Beta.class'), '')

        expect:
        ClassFinder.find(tmp.resolve('classes').toUri(), 'app', true) == [Beta: ['app/sub'] as Set]

        when:
        Files.writeString(classes.resolve('Delta.class'), '')

        then:
        ClassFinder.find(tmp.resolve('classes').toUri(), 'app', true) ==
                [Beta: ['app/sub'] as Set, Delta: ['app/sub'] as Set]
        !Files.exists(folder)
    }

    private static void writeJar(Path jar, List<String> names) {
        new JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            names.each { out.putNextEntry(new JarEntry(it)); out.write(new byte[4]); out.closeEntry() }
        }
    }
}
