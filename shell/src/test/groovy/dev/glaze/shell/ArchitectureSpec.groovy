package dev.glaze.shell

import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * docs/architecture.md names modules, packages, classes and files: each must exist, so the page cannot describe a
 * project that is gone. And every relative link of README.md and docs/*.md must lead to a file.
 */
class ArchitectureSpec extends Specification {
    static final Path ROOT = [Path.of('..'), Path.of('.')].find { Files.isRegularFile(it.resolve('docs/architecture.md')) }
    static final String PAGE = Files.readString(ROOT.resolve('docs/architecture.md'))

    static Set<String> sourceClassNames() {
        Files.walk(ROOT).withCloseable { s ->
            s.filter { it.toString() =~ /src[\/\\](main|test)[\/\\](java|groovy)[\/\\].*\.(java|groovy)$/ && !it.toString().contains('target') }
                    .map { it.fileName.toString().replaceAll(/\.(java|groovy)$/, '') }.toList() as Set
        }
    }

    def "every module and folder in the layout exists"() {
        given:
        def layout = (PAGE =~ /(?m)^([a-z][\w.\/-]*\/|pom\.xml)\s{2,}/).collect { it[1] }

        expect:
        layout.size() >= 10
        layout.findAll { !Files.exists(ROOT.resolve(it)) } == []
    }

    def "every package the page names is a folder of sources"() {
        given:
        def packages = (PAGE =~ /`(dev\.glaze(?:\.[a-z]+)+)`/).collect { it[1] } as Set
        def folders = Files.walk(ROOT).withCloseable { s ->
            s.filter { Files.isDirectory(it) && it.toString() =~ /src[\/\\]main[\/\\]java[\/\\]dev/ && !it.toString().contains('target') }
                    .map { it.toString().replaceAll(/.*src[\/\\]main[\/\\]java[\/\\]/, '').replace(File.separator, '.') }.toList() as Set
        }

        expect:
        packages.size() >= 15
        packages.findAll { !(it in folders) }.toList() == []
    }

    def "every class the page names is a source file"() {
        given: 'code spans that look like class names: Capitalised, one word, no dots'
        def named = (PAGE =~ /`([A-Z][A-Za-z0-9]+)`/).collect { it[1] } as Set
        def known = sourceClassNames() + ['HttpServer', 'HttpClient', 'GroovyShell', 'Consumer', 'Predicate',
                                          'ServiceLoader', 'Iterable', 'Range']   // the JDK's, Groovy's, HTTP's

        expect:
        named.size() >= 30
        named.findAll { !(it in known) }.toList() == []
    }

    def "every relative link of README.md and docs/*.md leads to a file"() {
        given:
        def pages = [ROOT.resolve('README.md')] + Files.list(ROOT.resolve('docs')).withCloseable { s ->
            s.filter { it.toString().endsWith('.md') }.toList()
        }
        def broken = pages.collectMany { Path page ->
            (Files.readString(page) =~ /\]\(([^)#\s]+)(#[^)]*)?\)/).collect { it[1] }
                    .findAll { !(it =~ /^[a-z]+:/) && !Files.exists(page.parent.resolve(it)) }
                    .collect { "${ROOT.relativize(page)}: $it" }
        }

        expect:
        broken == []
    }
}
