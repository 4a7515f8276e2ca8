package dev.glaze.shell

import dev.glaze.shell.testing.Offline
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Every script of scripts/ run as a user runs it, `glaze --local --regions DFW,ORD,IAD SCRIPT ARGS`, in-process on
 * the embedded image service with three regions that keep their images between runs: what each prints, what it
 * changes, its dry run, its exit codes, and that a second run changes nothing where the script says so.
 */
@Stepwise
class ScriptsSpec extends Specification {
    static final Path ROOT = [Path.of('..'), Path.of('.')].find { Files.isDirectory(it.resolve('scripts')) }
    static final List<String> COVERED = ['replicate-base-images', 'audit-regions', 'prune-builds', 'export-images',
                                         'import-vhds', 'tag-release', 'share-image', 'stale-images',
                                         'ensure-images']

    @Shared @TempDir
    Path tmp

    Map glaze(String script, List<String> args = []) {
        Offline.run(tmp, (script.endsWith('.groovy') ? [ROOT.resolve("scripts/$script").toString()] : ['-e', script]) + args)
    }

    /** Runs Groovy on the embedded service to set the scene; it must succeed. */
    void given(String groovy) {
        def r = glaze(groovy)
        assert r.code == 0: r.err
    }

    static String image(String name, String extra = '') {
        """images.create(name: '$name', disk_format: 'vhd', container_format: 'ovf'$extra)
             .upload(new ByteArrayInputStream(('$name' * 100).bytes), ('$name' * 100).bytes.length, null)\n"""
    }

    def "every script has a header (usage, arguments, effects), answers --help and refuses unknown options"() {
        expect:
        def scripts = Files.list(ROOT.resolve('scripts')).withCloseable { s ->
            s.filter { it.toString().endsWith('.groovy') }.map { it.fileName.toString() - '.groovy' }.toList()
        }
        scripts.sort(false) == COVERED.sort(false)
        scripts.every { name ->
            def text = Files.readString(ROOT.resolve("scripts/${name}.groovy"))
            assert text.startsWith("#!/usr/bin/env glaze\n// ${name}.groovy -- "): name
            assert ['// Usage:', '// Args:', '// Effects:'].every { text.contains(it) }: name
            def help = glaze("${name}.groovy", ['--help'])
            assert help.code == 0 && help.out.startsWith("usage: ${name}.groovy"): "${name}: ${help}"
            def wrong = glaze("${name}.groovy", ['--no-such-option'])
            assert wrong.code == 2: "${name}: ${wrong}"
            assert wrong.err.startsWith("glaze: ${name}.groovy: unknown option --no-such-option; the options are --")
            true
        }
    }

    def "replicate-base-images: a dry run, the copies, and a second run that finds them all"() {
        given:
        given(image('base-ubuntu', ", tags: ['base']") + image('base-debian') + image('app-1'))

        when:
        def dry = glaze('replicate-base-images.groovy', ['--dry-run', 'base-.*'])
        def real = glaze('replicate-base-images.groovy', ['base-.*'])
        def again = glaze('replicate-base-images.groovy', ['base-.*'])
        def where = glaze("['ORD', 'IAD'].collect { r -> r + ': ' + regions[r].images*.name.sort().join(',') }.join('; ')")

        then:
        dry.code == 0
        dry.out.readLines().last() == '0 copied, 0 skipped, 4 would copy, 0 failed'
        real.code == 0
        real.out.readLines().last() == '4 copied, 0 skipped, 0 would copy, 0 failed'
        real.out.readLines().count { it =~ /^base-(ubuntu|debian)\s+local\/(ORD|IAD)\s+copied\s+[0-9a-f-]{36}/ } == 4
        again.out.readLines().last() == '0 copied, 4 skipped, 0 would copy, 0 failed'
        where.out.trim() == 'ORD: base-debian,base-ubuntu; IAD: base-debian,base-ubuntu'
    }

    def "audit-regions: the replicated names agree; an image only one region has is reported, exit 1"() {
        when:
        def agree = glaze('audit-regions.groovy', ['--pattern', 'base-.*'])

        then:
        agree.code == 0
        agree.out.readLines()[0].split(/\s+/) as List == ['image', 'DFW', 'ORD', 'IAD']
        agree.out.readLines().last() == '2 names in 3 regions; 0 missing or different'

        when:
        def all = glaze('audit-regions.groovy')

        then: 'app-1 was never copied'
        all.code == 1
        all.out.readLines().find { it.startsWith('app-1') }.split(/\s+/)[2..3] == ['missing', 'missing']
        all.err.contains('the regions differ: 2 missing or different copies')
    }

    def "prune-builds: keeps the newest N and every protected one; the dry run deletes nothing"() {
        given:
        given((1..5).collect { image("web-$it") }.join('') + "images.named('web-2').update { it.protected = true }")

        when:
        def dry = glaze('prune-builds.groovy', ['--keep', '2', '--dry-run', 'web-\\d+'])
        def real = glaze('prune-builds.groovy', ['--keep=2', 'web-\\d+'])
        def left = glaze("images.findAll { it.name ==~ /web-\\d+/ }*.name.sort().join(',')")

        then:
        dry.code == 0
        dry.out.readLines().findAll { it.contains('would delete') }*.split(/\s+/)*.getAt(0) == ['web-3', 'web-1']
        dry.out.readLines().find { it.startsWith('web-2 ') }.endsWith('protected')
        dry.out.readLines().find { it.startsWith('web-5 ') }.endsWith('one of the 2 newest')
        dry.out.readLines().last() == 'dry run: nothing deleted'
        real.code == 0
        real.out.readLines().findAll { it =~ /\sdeleted\s/ }*.split(/\s+/)*.getAt(0) == ['web-3', 'web-1']
        real.out.readLines().last() == '2 deleted'
        left.out.trim() == 'web-2,web-4,web-5'
    }

    def "export-images: one export per matching image into the container, awaited"() {
        given:
        given(image('exp-a') + image('exp-b'))

        when:
        def dry = glaze('export-images.groovy', ['--dry-run', '--container', 'saved', 'exp-.*'])
        def real = glaze('export-images.groovy', ['--container', 'saved', 'exp-.*'])
        def objects = glaze("containers['saved'].objects()*.name.size()")

        then:
        dry.out.readLines().last() == '2 images would be exported'
        real.code == 0
        objects.out.trim() == '2'
    }

    def "import-vhds: imports each VHD not imported yet; a second run imports nothing"() {
        given:
        given("""def c = containers.create('incoming')
                 ['vhds/alpha.vhd', 'vhds/beta.VHD', 'vhds/notes.txt'].each { c.upload(it, new ByteArrayInputStream('x'.bytes), 1) }
                 ${image('alpha')}""")

        when:
        def first = glaze('import-vhds.groovy', ['--prefix', 'vhds/', 'incoming'])
        def second = glaze('import-vhds.groovy', ['--prefix', 'vhds/', 'incoming'])
        def beta = glaze("images.where(name: 'beta').toList()*.status")

        then:
        first.code == 0
        first.out.contains('skip    vhds/alpha.vhd: an image named alpha exists')
        first.out.contains('import  vhds/beta.VHD as beta')
        !first.out.contains('notes.txt')
        second.out.readLines().last() == '0 to import'
        beta.out.trim() == '[active]'
    }

    def "tag-release: tags the newest image of each name; --move takes the tag off the others"() {
        given:
        given(image('svc') + image('svc') + image('other'))

        when:
        def first = glaze('tag-release.groovy', ['release-1', 'svc'])
        def moved = glaze('tag-release.groovy', ['--move', 'release-1', 'other'])
        def tagged = glaze("images.where(tag: 'release-1')*.name")

        then:
        first.code == 0
        first.out.readLines().count { it.startsWith('tag  svc') } == 1
        moved.out.readLines().any { it.startsWith('untag  svc') }
        tagged.out.trim() == '[other]'
    }

    def "share-image: shares with a project once; the second run says it is shared already"() {
        given:
        given(image('to-share'))

        when:
        def dry = glaze('share-image.groovy', ['--dry-run', 'to-share', '5678'])
        def first = glaze('share-image.groovy', ['to-share', '5678'])
        def second = glaze('share-image.groovy', ['to-share', '5678'])

        then:
        dry.out.startsWith('would share to-share')
        first.code == 0
        first.out =~ /^shared to-share \([0-9a-f-]{36}\) with 5678: pending/
        second.out.startsWith('to-share is already shared with 5678 (pending)')
    }

    def "stale-images: reports old active images; a fresh queued image is not deleted"() {
        given:
        given("images.create(name: 'half-made', disk_format: 'vhd', container_format: 'ovf')")

        when:
        def r = glaze('stale-images.groovy', ['--days', '0', '--delete-unfinished'])
        def still = glaze("images.where(name: 'half-made').toList().size()")

        then:
        r.code == 0
        r.out.readLines().any { it =~ /^base-ubuntu\s+[0-9a-f-]{36}\s+not updated since/ }
        !r.out.contains('half-made')
        r.out.readLines().last() ==~ /\d+ stale images/
        still.out.trim() == '1'
    }

    def "ensure-images: makes a manifest's images exist in two regions; a second run changes nothing"() {
        given:
        Path dir = Files.createDirectories(tmp.resolve('manifest'))
        Files.write(dir.resolve('gold.vhd'), ('gold' * 500).bytes)
        Path manifest = dir.resolve('images.yaml')
        Files.writeString(manifest, """\
            images:
              - name: gold
                diskFormat: vhd
                containerFormat: ovf
                minDisk: 20
                tags: [base]
                properties: {os_distro: debian}
                file: gold.vhd
              - name: placeholder
                minRam: 512
            """.stripIndent())

        when:
        def dry = glaze('ensure-images.groovy', ['--dry-run', '--regions', 'ORD,IAD', manifest.toString()])
        def first = glaze('ensure-images.groovy', ['--regions', 'ORD,IAD', manifest.toString()])
        def second = glaze('ensure-images.groovy', ['--regions', 'ORD,IAD', manifest.toString()])
        def there = glaze("['ORD', 'IAD'].collect { r -> cloud.region(r).images.named('gold').with { \"\${r} \${it.status} \${it.minDisk} \${it.tags} \${it['os_distro']}\" } }.join('\\n')")

        then:
        dry.code == 0
        dry.out.readLines() == ['ORD  gold: would be created (uploaded gold.vhd, disk_format vhd, container_format ovf, min_disk 20, os_distro debian, tags + base)',
                                'ORD  placeholder: would be created (no data, min_ram 512)',
                                'IAD  gold: would be created (uploaded gold.vhd, disk_format vhd, container_format ovf, min_disk 20, os_distro debian, tags + base)',
                                'IAD  placeholder: would be created (no data, min_ram 512)']
        first.code == 0
        first.out.readLines().size() == 4
        first.out.readLines().every { it =~ /^(ORD|IAD)  (gold|placeholder) [0-9a-f-]{36}: created/ }
        second.code == 0
        second.out.readLines().size() == 4
        second.out.readLines().every { it.endsWith(': unchanged') }
        there.out.readLines() == ['ORD active 20 [base] debian', 'IAD active 20 [base] debian']

        when: 'the file changes: the image is not replaced, the line says why, and the exit code is 1'
        Files.write(dir.resolve('gold.vhd'), ('new gold' * 500).bytes)
        def changed = glaze('ensure-images.groovy', ['--regions', 'ORD', manifest.toString()])

        then:
        changed.code == 1
        changed.out.readLines()[0] ==~ /ORD  gold: failed: ensure 'gold': image \S+ has a size of 2000 bytes, not the 4000 of .*gold.vhd; an image's data cannot be replaced: delete it, or give the new data another name/
        changed.out.readLines()[1].endsWith('placeholder ' + first.out.readLines()[1].split(/\s+/)[2].replace(':', '') + ': unchanged')
        changed.err.contains('1 images could not be made as the manifest says')
    }
}
