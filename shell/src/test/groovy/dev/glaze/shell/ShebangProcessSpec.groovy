package dev.glaze.shell

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit

/**
 * A script that starts with {@code #!/usr/bin/env glaze}, run by its own name once glaze is on the PATH the way
 * the README installs it (a symbolic link to the launcher in a folder of the PATH), with no cloud configured: the
 * real launcher, the embedded image service, the script's arguments and its exit code.
 */
class ShebangProcessSpec extends Specification {
    static final Path ROOT = [Path.of('').toAbsolutePath(), Path.of('').toAbsolutePath().parent]
            .find { Files.isExecutable(it.resolve('glaze')) && Files.exists(it.resolve('shell')) }

    @Shared @TempDir
    Path tmp

    def setupSpec() {
        Path bin = Files.createDirectories(tmp.resolve('bin'))
        Files.createSymbolicLink(bin.resolve('glaze'), ROOT.resolve('glaze'))
        Files.writeString(tmp.resolve('clouds.yaml'), 'clouds: {}\n')
    }

    Path script(String name, String body) {
        Path file = Files.writeString(tmp.resolve(name), "#!/usr/bin/env glaze\n" + body)
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rwxr-xr-x'))
        file
    }

    /** Runs {@code command} from a folder that is not the checkout, with glaze found on the PATH only. */
    Map run(List<String> command, String javaOptions = '') {
        def pb = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File('/dev/null')))
        def env = pb.environment()
        env.keySet().removeAll {
            it.startsWith('OS_') || it in ['API_ENDPOINT', 'AUTH_TOKEN', 'GLAZE_CDS', 'GLAZE_JAVA_OPTS']
        }
        env.PATH = "${tmp.resolve('bin')}:${env.PATH}".toString()
        env.OS_CLIENT_CONFIG_FILE = tmp.resolve('clouds.yaml').toString()
        // the embedded service keeps its data, and glaze its caches, under this home, not the user's
        env.JAVA_OPTS = "-Duser.home=${tmp.resolve('home')} ${javaOptions}".toString()
        def process = pb.start()
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def readers = [Thread.start { out << process.inputStream }, Thread.start { err << process.errorStream }]
        // the first launch may build the distribution
        assert process.waitFor(600, TimeUnit.SECONDS): "timed out: ${command}"
        readers*.join()
        [code: process.exitValue(), out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    def "an executable script runs by its name with its arguments on the embedded image service"() {
        given:
        def hello = script('make-images', '''\
            args.each { images.create(name: it, disk_format: 'raw', container_format: 'bare') }
            println "made ${images*.name.sort().join(', ')}"
            '''.stripIndent())

        when:
        def r = run([hello.toString(), 'base-a', 'base-b'])

        then:
        r.code == 0
        r.out == 'made base-a, base-b\n'
        r.err.readLines().any { it.startsWith('glaze: no cloud configured: using the embedded image service') }
    }

    def "a failing script exits 1 with the file and line of the failure"() {
        given:
        def fails = script('fails', "def n = 3\nthrow new IllegalStateException(\"out of disks: \$n\")\n")

        when:
        def r = run([fails.toString()])

        then:
        r.code == 1
        r.out == ''
        r.err.readLines().contains('glaze: fails:3: IllegalStateException: out of disks: 3')
    }

    def "the launcher puts glaze's stand-in for Groovy's ClassFinder first and keeps its class lists under the home"() {
        given:
        def where = script('where', "println org.codehaus.groovy.vmplugin.v9.ClassFinder.protectionDomain.codeSource.location.path\n")

        when:
        def r = run([where.toString()])

        then:
        r.code == 0
        r.out.trim() ==~ /.*\/shell\/target\/glaze\/lib\/glaze-shell-[^\/]+\.jar/
        // the JDK's java/ and the Groovy jar's groovy/, listed for Groovy's default imports
        Files.list(tmp.resolve('home/.glaze/cache/class-lists')).count() == 2
    }

    def "glaze starts from its class data archive, also under JFR, whose class-file hook the archive must survive"() {
        given:
        def list = script('list', "images.create(name: 'jfr', disk_format: 'raw', container_format: 'bare')\n" +
                "println images*.name.contains('jfr')\n")
        Path loads = tmp.resolve('class-loads.txt')

        when:
        def r = run([list.toString()], "-XX:StartFlightRecording=filename=${tmp.resolve('glaze.jfr')} " +
                "-Xlog:jfr+startup=off -Xlog:class+load=info:file=${loads}")

        then:
        r.code == 0
        r.out.readLines().last() == 'true'
        Files.list(ROOT.resolve('shell/target/glaze/cds')).anyMatch { it.toString().endsWith('.jsa') }
        Files.readAllLines(loads).any { it.contains('dev.glaze.shell.Main source: shared objects file') }
        Files.size(tmp.resolve('glaze.jfr')) > 0
    }

    def "the optimising compiler the README suggests for long hashing scripts can be asked for"() {
        given:
        def sum = script('sum', "println((1..1000).sum())\n")

        when:
        def r = run([sum.toString()], '-XX:TieredStopAtLevel=4')

        then:
        r.code == 0
        r.out == '500500\n'
    }
}
