package dev.glaze.emulator.swift

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.time.Duration

/** The store as an in-process caller (an import task) uses it, and what it leaves on disk. */
class ObjectStoreSpec extends Specification {
    static final String ACCOUNT = 'AUTH_p1'

    @TempDir
    Path root
    MutableClock clock = new MutableClock()
    ObjectStore store

    def setup() {
        store = ObjectStore.open(root, clock)
    }

    def cleanup() {
        store?.close()
    }

    static String md5(byte[] b) {
        MessageDigest.getInstance('MD5').digest(b).encodeHex().toString()
    }

    ObjectInfo put(String container, String name, String content, String etag = null, java.time.Instant deleteAt = null) {
        store.put(ACCOUNT, container, name, new ByteArrayInputStream(content.getBytes('UTF-8')), 'text/plain', etag, deleteAt)
    }

    List<String> filesUnder(Path dir) {
        Files.walk(dir).withCloseable { s -> s.filter { Files.isRegularFile(it) }.collect { dir.relativize(it).toString() } }
    }

    def "a container is created once; its totals count its objects"() {
        expect:
        store.createContainer(ACCOUNT, 'c')
        !store.createContainer(ACCOUNT, 'c')

        when:
        put('c', 'a', 'hello')
        put('c', 'b/c', 'hi')

        then:
        with(store.container(ACCOUNT, 'c').get()) {
            name == 'c'
            count == 2
            bytes == 7
        }
        with(store.account(ACCOUNT)) {
            containerCount == 1
            objectCount == 2
            bytesUsed == 7
        }
        store.container(ACCOUNT, 'other').empty
    }

    def "put stores the content with its MD5 and reads it back; head has the metadata"() {
        given:
        store.createContainer(ACCOUNT, 'c')

        when:
        def info = put('c', 'dir/file.txt', 'some content')

        then:
        info.etag == md5('some content'.bytes)
        info.size == 12
        store.head(ACCOUNT, 'c', 'dir/file.txt').get() == info
        store.openObject(ACCOUNT, 'c', 'dir/file.txt').withCloseable { it.text } == 'some content'
    }

    def "a new version replaces the old one and leaves one content file"() {
        given:
        store.createContainer(ACCOUNT, 'c')
        put('c', 'o', 'first')

        when:
        put('c', 'o', 'second version')

        then:
        store.openObject(ACCOUNT, 'c', 'o').withCloseable { it.text } == 'second version'
        filesUnder(root).findAll { it.endsWith('.data') }.size() == 1
    }

    def "a reader keeps reading the version it opened while a new one is put"() {
        given:
        store.createContainer(ACCOUNT, 'c')
        put('c', 'o', 'old content')
        def open = store.read(ACCOUNT, 'c', 'o').get()

        when:
        put('c', 'o', 'new content')

        then:
        open.stream().withCloseable { it.text } == 'old content'
    }

    def "a content type is guessed from the name when none is given"() {
        given:
        store.createContainer(ACCOUNT, 'c')

        expect:
        store.put(ACCOUNT, 'c', name, new ByteArrayInputStream(new byte[1]), null, null, null).contentType == type

        where:
        name          | type
        'page.html'   | 'text/html'
        'disk.vhd'    | 'application/octet-stream'
        'no-extension'| 'application/octet-stream'
    }

    def "an ETag that does not match stores nothing, leaving no file behind"() {
        given:
        store.createContainer(ACCOUNT, 'c')
        def before = filesUnder(root).findAll { !it.endsWith('lock') }

        when:
        put('c', 'o', 'content', md5('other'.bytes))

        then:
        def e = thrown(SwiftException)
        e.status() == 422
        store.head(ACCOUNT, 'c', 'o').empty
        filesUnder(root).findAll { !it.endsWith('lock') } == before
    }

    def "a matching ETag may be quoted and in upper case"() {
        given:
        store.createContainer(ACCOUNT, 'c')

        expect:
        put('c', 'o', 'content', '"' + md5('content'.bytes).toUpperCase() + '"').etag == md5('content'.bytes)
    }

    def "putting into a missing container is 404 and stores nothing"() {
        when:
        put('nope', 'o', 'x')

        then:
        def e = thrown(SwiftException)
        e.status() == 404
        filesUnder(root).every { it.startsWith('.incoming') }
    }

    def "a container that holds objects cannot be deleted (409); an empty one can, once"() {
        given:
        store.createContainer(ACCOUNT, 'c')
        put('c', 'o', 'x')

        when:
        store.deleteContainer(ACCOUNT, 'c')

        then:
        thrown(SwiftException)

        when:
        store.deleteObject(ACCOUNT, 'c', 'o')
        store.deleteContainer(ACCOUNT, 'c')

        then:
        store.container(ACCOUNT, 'c').empty
        !store.deleteObject(ACCOUNT, 'c', 'o')

        when:
        store.deleteContainer(ACCOUNT, 'c')

        then:
        def e = thrown(SwiftException)
        e.status() == 404
    }

    def "an expired object is invisible, and its files are removed when it is next looked at"() {
        given:
        store.createContainer(ACCOUNT, 'c')
        put('c', 'short', 'x', null, clock.now + Duration.ofSeconds(60))
        put('c', 'long', 'y')

        when:
        clock.advance(Duration.ofSeconds(61))

        then:
        store.head(ACCOUNT, 'c', 'short').empty
        store.objects(ACCOUNT, 'c', null, null, 100, null)*.name == ['long']
        store.container(ACCOUNT, 'c').get().count == 1
        filesUnder(root).findAll { it.endsWith('.data') }.size() == 1

        and: 'an expired object does not keep its container from being deleted'
        store.deleteObject(ACCOUNT, 'c', 'long')
        store.deleteContainer(ACCOUNT, 'c') == null
    }

    def "a delete-at time that has passed is refused"() {
        given:
        store.createContainer(ACCOUNT, 'c')

        when:
        put('c', 'o', 'x', null, clock.now - Duration.ofSeconds(1))

        then:
        def e = thrown(SwiftException)
        e.status() == 400
        e.reason() == 'X-Delete-At in past'
    }

    def "listings are in code point order (UTF-8 byte order), not UTF-16 order"() {
        given:
        store.createContainer(ACCOUNT, 'c')
        ['b', 'a', '\uFFFD', '\uD83D\uDE00', 'B'].each { put('c', it, 'x') }

        expect:
        store.objects(ACCOUNT, 'c', null, null, 100, null)*.name == ['B', 'a', 'b', '\uFFFD', '\uD83D\uDE00']
    }

    def "listing: prefix #prefix, marker #marker, end #end, limit #limit, delimiter #delimiter"() {
        given:
        store.createContainer(ACCOUNT, 'c')
        ['a', 'b/1', 'b/2', 'b/x/1', 'c', 'd/1'].each { put('c', it, 'x') }

        expect:
        store.objects(ACCOUNT, 'c', new ListingQuery(prefix, marker, end, limit, delimiter))
                .collect { it.subdir ? "${it.name}(dir)" : it.name } == names

        where:
        prefix | marker | end  | limit | delimiter || names
        null   | null   | null | 100   | null      || ['a', 'b/1', 'b/2', 'b/x/1', 'c', 'd/1']
        'b/'   | null   | null | 100   | null      || ['b/1', 'b/2', 'b/x/1']
        null   | 'b/1'  | null | 100   | null      || ['b/2', 'b/x/1', 'c', 'd/1']
        null   | null   | 'c'  | 100   | null      || ['a', 'b/1', 'b/2', 'b/x/1']
        null   | null   | null | 2     | null      || ['a', 'b/1']
        null   | null   | null | 0     | null      || []
        null   | null   | null | 100   | '/'       || ['a', 'b/(dir)', 'c', 'd/(dir)']
        'b/'   | null   | null | 100   | '/'       || ['b/1', 'b/2', 'b/x/(dir)']
        null   | 'b/'   | null | 100   | '/'       || ['c', 'd/(dir)']
        null   | null   | null | 2     | '/'       || ['a', 'b/(dir)']
    }

    def "containers are listed by name with prefix, marker and limit"() {
        given:
        ['x', 'a2', 'a1', 'b'].each { store.createContainer(ACCOUNT, it) }
        store.createContainer('AUTH_other', 'z')

        expect:
        store.containers(ACCOUNT, null, null, 100)*.name == ['a1', 'a2', 'b', 'x']
        store.containers(ACCOUNT, 'a', null, 100)*.name == ['a1', 'a2']
        store.containers(ACCOUNT, null, 'a2', 2)*.name == ['b', 'x']
        store.containers('AUTH_unused', null, null, 100).empty
    }

    def "a page larger than Swift serves is 412"() {
        when:
        store.containers(ACCOUNT, null, null, 10_001)

        then:
        def e = thrown(SwiftException)
        e.status() == 412
        e.reason() == 'Maximum limit is 10000'
    }

    def "no name a client chooses appears in any path on disk"() {
        given:
        store.createContainer(ACCOUNT, 'images')
        put('images', 'web/gold.vhd', 'x')

        expect:
        def paths = filesUnder(root)
        paths.every { !it.contains('images') && !it.contains('gold') && !it.contains('AUTH') }
        paths.findAll { !it.startsWith('.incoming') }.every { it ==~ /[0-9a-f]{64}\/(account\.json|[0-9a-f]{64}\/.*)/ }
    }

    def "names that could reach outside the container are refused with 400: #name"() {
        given:
        store.createContainer(ACCOUNT, 'c')

        when:
        put('c', name, 'x')

        then:
        def e = thrown(SwiftException)
        e.status() == 400
        e.reason().contains(reason)

        where:
        name                 | reason
        '../escape'          | "'..' segment"
        'a/../../b'          | "'..' segment"
        './a'                | "'.' segment"
        '..'                 | "'..' segment"
        '/etc/passwd'        | "start with '/'"
        'a//b'               | 'empty segment'
        'a\u0000b'           | 'NUL'
        'x' * 1025           | 'Object name length of 1025 longer than 1024'
        '\uD800'             | 'not valid Unicode'
        ''                   | 'empty'
    }

    def "container names that are not plain names are refused with 400: #name"() {
        when:
        store.createContainer(ACCOUNT, name)

        then:
        def e = thrown(SwiftException)
        e.status() == 400
        e.reason().contains(reason)

        where:
        name      | reason
        '..'      | "'.' or '..'"
        '.'       | "'.' or '..'"
        'a/b'     | "'/'"
        ''        | 'empty'
        'c' * 257 | 'Container name length of 257 longer than 256'
        'a\u0000' | 'NUL'
    }

    def "a folder marker (a name ending with '/') is an ordinary object"() {
        given:
        store.createContainer(ACCOUNT, 'c')

        expect:
        put('c', 'folder/', '').size == 0
        store.head(ACCOUNT, 'c', 'folder/').present
    }

    def "opening again tidies up after a crash and keeps what was committed"() {
        given:
        store.createContainer(ACCOUNT, 'c')
        put('c', 'kept', 'committed content')
        put('c', 'lost', 'its content vanished')
        store.close()
        Path account = root.resolve(StoreLayout.hash(ACCOUNT))
        Path container = account.resolve(StoreLayout.hash('c'))
        Files.writeString(container.resolve(StoreLayout.hash('kept') + '.json.1234.tmp'), '{"half": ')
        Files.writeString(container.resolve(StoreLayout.hash('x') + '.5678.data'), 'orphan content')
        Files.list(container).withCloseable { s -> s.filter { it.toString().contains(StoreLayout.hash('lost')) && it.toString().endsWith('.data') }.toList() }
                .each { Files.delete(it) }
        Path unfinished = account.resolve(StoreLayout.hash('half-created'))
        Files.createDirectories(unfinished)
        Path abandoned = root.resolve('.incoming').resolve('crashed-instance')
        Files.createDirectories(abandoned)
        Files.writeString(abandoned.resolve('x.upload'), 'half an upload')
        Files.createDirectories(root.resolve('.trash').resolve('old'))

        when:
        store = ObjectStore.open(root, clock)

        then:
        store.openObject(ACCOUNT, 'c', 'kept').withCloseable { it.text } == 'committed content'
        store.head(ACCOUNT, 'c', 'lost').empty
        !Files.exists(unfinished)
        !Files.exists(abandoned)
        !Files.exists(root.resolve('.trash').resolve('old'))
        filesUnder(container).sort() == ['container.json', StoreLayout.hash('kept') + '.json',
                                         filesUnder(container).find { it.endsWith('.data') }].sort()
        filesUnder(container).count { it.endsWith('.data') } == 1
    }

    def "a second store on the same root leaves the first one's uploads alone"() {
        given:
        Path mine = Files.list(root.resolve('.incoming')).withCloseable { it.toList() }.first()
        Files.writeString(mine.resolve('under-way.upload'), 'data')

        when:
        def second = ObjectStore.open(root, clock)

        then:
        Files.exists(mine.resolve('under-way.upload'))

        cleanup:
        second?.close()
    }

    def "objects put by one store are seen by another on the same root"() {
        given:
        def second = ObjectStore.open(root, clock)
        store.createContainer(ACCOUNT, 'shared')

        when:
        put('shared', 'o', 'visible')

        then:
        second.openObject(ACCOUNT, 'shared', 'o').withCloseable { it.text } == 'visible'

        cleanup:
        second?.close()
    }
}
