package dev.glaze.plugin.testing

import dev.glaze.core.spi.GlazePlugin

import javax.tools.ToolProvider
import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream

/**
 * Builds plugins/example (the plugin of docs/writing-plugins.md) as its author would (javac against glaze-core, then a jar with the services file),
 * but in a temporary folder, so that specs can load it as a jar nobody else on the class path knows.
 */
class ExampleJar {
    static final Path ROOT = [Path.of('../..'), Path.of('..'), Path.of('.')]
            .find { Files.isDirectory(it.resolve('plugins/example')) }.toAbsolutePath().normalize()
    static final Path SOURCES = ROOT.resolve('plugins/example')

    static Path build(Path dir) {
        Path classes = Files.createDirectories(dir.resolve('classes'))
        List<String> sources = []
        // Path.eachFileRecurse needs groovy-nio, which is not on the class path
        Files.walk(SOURCES.resolve('src/main/java')).withCloseable { s ->
            s.filter { it.toString().endsWith('.java') }.forEach { sources << it.toString() }
        }
        String core = Path.of(GlazePlugin.protectionDomain.codeSource.location.toURI()).toString()
        def errors = new ByteArrayOutputStream()
        int rc = ToolProvider.systemJavaCompiler.run(null, null, errors,
                ['--release', '17', '-cp', core, '-d', classes.toString(), *sources] as String[])
        assert rc == 0: errors.toString()
        Path jar = dir.resolve('example-plugin.jar')
        new JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            [classes, SOURCES.resolve('src/main/resources')].each { Path base ->
                List<Path> files = Files.walk(base).withCloseable { s -> s.filter { Files.isRegularFile(it) }.toList() }
                files.each { Path f ->
                    out.putNextEntry(new JarEntry(base.relativize(f).toString().replace(File.separatorChar, '/' as char)))
                    out.write(Files.readAllBytes(f))
                    out.closeEntry()
                }
            }
        }
        jar
    }
}
