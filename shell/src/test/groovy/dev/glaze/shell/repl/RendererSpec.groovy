package dev.glaze.shell.repl

import dev.glaze.core.Cloud
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import groovy.json.JsonSlurper
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** What results look like: tables of images fitted to a width, an image's attributes, maps, JSON. */
class RendererSpec extends Specification {
    @Shared @TempDir Path tmp
    @Shared @AutoCleanup ImageService service
    @Shared Cloud cloud

    def setupSpec() {
        service = ImageService.start(ServiceConfig.builder(tmp.resolve('data')).port(0).profile(Profile.RACKSPACE).build())
        String url = service.url()
        cloud = Cloud.builder().endpoint(url).project('local').objectStore(URI.create(url + '/v1/AUTH_local')).build()
        def gold = cloud.images().create(name: 'web-gold', disk_format: 'vhd', container_format: 'ovf', os_distro: 'ubuntu')
        gold.upload(new ByteArrayInputStream(new byte[1536]), 1536, null)
        cloud.images().create(name: 'a rather long image name that will not fit in a narrow terminal window at all',
                disk_format: 'raw', container_format: 'bare')
    }

    def "the lazy image listing prints as a table: id, name, status, visibility, size, updated"() {
        when:
        def lines = new Renderer(200, false).render(cloud.images()).readLines()

        then:
        lines.size() == 3
        lines[0] ==~ /id\s+name\s+status\s+visibility\s+size\s+updated/
        def gold = lines.find { it.contains('web-gold') }
        gold =~ /^[0-9a-f-]{36}  web-gold\s+active  private\s+1\.5 KiB  20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
        lines.find { it.contains('queued') } =~ /queued\s+private\s+-\s+20/
    }

    def "a narrow width cuts the name column with an ellipsis, and no line is wider"() {
        when:
        // the other columns take 89 characters: 11 are left for the name
        def lines = new Renderer(100, false).render(cloud.images().toList()).readLines()

        then:
        lines.every { it.length() <= 100 }
        lines.find { it.contains('queued') }.contains('  a rather l…  queued')
        lines.find { it.contains('web-gold') }.contains('web-gold')
    }

    def "human sizes use binary units"() {
        expect:
        Renderer.human(bytes) == text

        where:
        bytes                     || text
        0                         || '0 B'
        1023                      || '1023 B'
        1024                      || '1.0 KiB'
        1536                      || '1.5 KiB'
        20L * 1024 * 1024         || '20.0 MiB'
        (long) (2.5 * (1L << 30)) || '2.5 GiB'
        3L << 40                  || '3.0 TiB'
    }

    def "one image prints as attribute and value, base attributes first, custom ones after in order"() {
        when:
        def lines = new Renderer(120, false).render(cloud.images()['web-gold']).readLines()
        def names = lines*.split(/\s+/)*.getAt(0)

        then:
        names.take(4) == ['id', 'name', 'status', 'visibility']
        lines.find { it.startsWith('size') } ==~ /size\s+1\.5 KiB \(1536 bytes\)/
        names.indexOf('os_distro') > names.indexOf('updated_at')
        lines.find { it.startsWith('os_distro') } ==~ /os_distro\s+ubuntu/
    }

    def "a map prints as two columns; null prints nothing; other values as Groovy prints them"() {
        expect:
        new Renderer(120, false).render([region: 'IAD', images: 3]) == 'region  IAD\nimages  3\n'
        new Renderer(120, false).render(null) == ''
        new Renderer(120, false).render([1, 'a']) == '[1, a]\n'
        new Renderer(120, false).render('text') == 'text\n'
    }

    def "JSON: an image is its JSON object, a listing an array, pretty-printed"() {
        when:
        def one = new Renderer(120, true).render(cloud.images()['web-gold'])
        def all = new Renderer(120, true).render(cloud.images())

        then:
        new JsonSlurper().parseText(one).name == 'web-gold'
        one.readLines().size() > 10
        (new JsonSlurper().parseText(all)*.name as Set) == ['web-gold', 'a rather long image name that will not fit in a narrow terminal window at all'] as Set
        new Renderer(120, true).render([a: 1, b: [true, null, 'x']]).replaceAll(/\s/, '') == '{"a":1,"b":[true,null,"x"]}'
    }

    def "with colour the header is bold and statuses coloured; the visible text is the plain table's, cut alike"() {
        given:
        def plain = new Renderer(100, false).render(cloud.images().toList())

        when:
        def coloured = new Renderer(100, false).withStyles(Styles.ANSI).render(cloud.images().toList())
        def lines = coloured.readLines()

        then:
        lines[0].startsWith('\u001b[1mid\u001b[0m')
        lines.find { it.contains('web-gold') }.contains('\u001b[32mactive\u001b[0m')
        lines.find { it.contains('a rather l…') }.contains('\u001b[33mqueued\u001b[0m')
        Styles.strip(coloured) == plain
        Table.length(lines[0]) == plain.readLines()[0].length()
    }

    def "an image's status row is coloured; a red error; no colour codes in PLAIN or JSON"() {
        expect:
        new Renderer(120, false).withStyles(Styles.ANSI).render(cloud.images()['web-gold']).readLines()
                .find { it.startsWith('status') } ==~ /status\s+\u001b\[32mactive\u001b\[0m/
        Styles.ANSI.error('glaze: no') == '\u001b[31mglaze: no\u001b[0m'
        Styles.ANSI.status('killed') == '\u001b[31mkilled\u001b[0m'
        Styles.ANSI.status('processing') == '\u001b[33mprocessing\u001b[0m'
        Styles.PLAIN.error('glaze: no') == 'glaze: no'
        !new Renderer(100, false).render(cloud.images()).contains('\u001b')
        !new Renderer(100, true).withStyles(Styles.ANSI).render(cloud.images()).contains('\u001b')
    }
}
