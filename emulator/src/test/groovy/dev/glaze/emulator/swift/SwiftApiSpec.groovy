package dev.glaze.emulator.swift

import dev.glaze.emulator.testing.Target
import groovy.json.JsonSlurper
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.security.MessageDigest

/**
 * The object store over HTTP, as a Swift client sees it. Each feature works in an account of its own
 * ({@code X-Project-Id} names the project), so features do not see each other's containers.
 */
class SwiftApiSpec extends Specification {
    static final String NOT_FOUND = '<html><h1>Not Found</h1><p>The resource could not be found.</p></html>'

    @Shared
    @AutoCleanup
    SwiftServer server = new SwiftServer()

    Target swift
    String account

    def setup() {
        String project = 'p' + UUID.randomUUID().toString().take(8)
        swift = server.as(project)
        account = "/v1/AUTH_${project}"
    }

    static String md5(byte[] b) {
        MessageDigest.getInstance('MD5').digest(b).encodeHex().toString()
    }

    def head(String path, Map<String, String> headers = [:]) {
        swift.send('HEAD', path, null, headers)
    }

    def "an unused account has no containers: 204 in plain text, [] in JSON, zeros in HEAD"() {
        when:
        def plain = swift.get(account)
        def json = swift.get(account + '?format=json')
        def totals = head(account)

        then:
        plain.status == 204
        plain.bytes.length == 0
        json.status == 200
        json.header('Content-Type') == 'application/json; charset=utf-8'
        json.text == '[]'
        totals.status == 204
        totals.header('X-Account-Container-Count') == '0'
        totals.header('X-Account-Object-Count') == '0'
        totals.header('X-Account-Bytes-Used') == '0'
    }

    def "PUT of a container is 201 when new and 202 with Swift's page when it exists"() {
        when:
        def first = swift.put(account + '/images')
        def again = swift.put(account + '/images')

        then:
        first.status == 201
        first.bytes.length == 0
        again.status == 202
        again.text == '<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>'
        again.header('Content-Type') == 'text/html; charset=UTF-8'
    }

    def "the account lists its containers in plain text and JSON, with prefix, marker, end_marker and limit"() {
        given:
        ['b', 'a2', 'a1', 'c'].each { swift.put("${account}/${it}") }
        swift.put("${account}/a1/o", 'hello')

        expect:
        swift.get(account).text == 'a1\na2\nb\nc\n'
        swift.get(account).header('Content-Type') == 'text/plain; charset=utf-8'
        swift.get(account + '?prefix=a').text == 'a1\na2\n'
        swift.get(account + '?marker=a2&limit=1').text == 'b\n'
        swift.get(account + '?end_marker=b').text == 'a1\na2\n'
        swift.get(account, [Accept: 'application/json']).json*.name == ['a1', 'a2', 'b', 'c']

        when:
        def json = swift.get(account + '?format=json&limit=1')

        then:
        json.text ==~ /\[\{"name": "a1", "count": 1, "bytes": 5, "last_modified": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}"\}\]/
        json.header('X-Account-Container-Count') == '4'
        json.header('X-Account-Object-Count') == '1'
        json.header('X-Account-Bytes-Used') == '5'
    }

    def "an object is stored with its MD5 as ETag and read back with its headers"() {
        given:
        swift.put(account + '/c')
        byte[] content = 'the content of a file'.bytes

        when:
        def put = swift.put(account + '/c/dir/file.txt', content, ['Content-Type': 'text/plain'])
        def get = swift.get(account + '/c/dir/file.txt')
        def h = head(account + '/c/dir/file.txt')

        then:
        put.status == 201
        put.header('ETag') == md5(content)
        put.header('Last-Modified') ==~ /\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT/
        get.status == 200
        get.bytes == content
        get.header('ETag') == md5(content)
        get.header('Content-Type') == 'text/plain'
        get.header('Content-Length') == "${content.length}"
        get.header('Last-Modified') == put.header('Last-Modified')
        get.header('Accept-Ranges') == 'bytes'
        h.status == 200
        h.bytes.length == 0
        h.header('Content-Length') == "${content.length}"
        h.header('ETag') == md5(content)
        h.header('Content-Type') == 'text/plain'
    }

    def "without a Content-Type the type is guessed from the name"() {
        given:
        swift.put(account + '/c')

        when:
        swift.send('PUT', account + '/c/index.html', '<p>'.bytes, [:])

        then:
        head(account + '/c/index.html').header('Content-Type') == 'text/html'
    }

    def "a container lists its objects in plain text and JSON, rolled up at a delimiter"() {
        given:
        swift.put(account + '/c')
        ['a', 'b/1', 'b/2', 'c"q\u00e9'].each { swift.put("${account}/c/${URLEncoder.encode(it, 'UTF-8')}", 'xy') }

        expect:
        swift.get(account + '/c').text == 'a\nb/1\nb/2\nc"q\u00e9\n'
        swift.get(account + '/c?delimiter=/').text == 'a\nb/\nc"q\u00e9\n'
        swift.get(account + '/c?prefix=b/&limit=1').text == 'b/1\n'
        swift.get(account + '/c?marker=b/1').text == 'b/2\nc"q\u00e9\n'

        when:
        def json = swift.get(account + '/c?format=json&delimiter=/')

        then:
        json.header('Content-Type') == 'application/json; charset=utf-8'
        json.header('X-Container-Object-Count') == '4'
        json.header('X-Container-Bytes-Used') == '8'
        // Python's json.dumps: ", " and ": " separators, non-ASCII escaped
        json.text.startsWith('[{"bytes": 2, "hash": "' + md5('xy'.bytes) + '", "name": "a", "content_type": "application/octet-stream", "last_modified": "')
        json.text.contains('{"subdir": "b/"}')
        json.text.contains('"name": "c\\"q\\u00e9"')
        (new JsonSlurper().parseText(json.text) as List).collect { it.name ?: it.subdir } == ['a', 'b/', 'c"q\u00e9']
    }

    def "an empty container lists as 204 in plain text and [] in JSON"() {
        given:
        swift.put(account + '/empty')

        expect:
        swift.get(account + '/empty').status == 204
        swift.get(account + '/empty?format=json').text == '[]'
    }

    def "HEAD of a container gives its totals; of an account, the totals of all"() {
        given:
        swift.put(account + '/c1')
        swift.put(account + '/c2')
        swift.put(account + '/c1/a', '12345')
        swift.put(account + '/c2/b', '123')
        swift.put(account + '/c2/c', '1')

        when:
        def c2 = head(account + '/c2')
        def all = head(account)

        then:
        c2.status == 204
        c2.header('X-Container-Object-Count') == '2'
        c2.header('X-Container-Bytes-Used') == '4'
        c2.header('X-Timestamp') ==~ /\d{10}\.\d{5}/
        all.header('X-Account-Container-Count') == '2'
        all.header('X-Account-Object-Count') == '3'
        all.header('X-Account-Bytes-Used') == '9'
    }

    def "object names may hold slashes, spaces and any Unicode; %2F is a slash as in Swift"() {
        given:
        swift.put(account + '/c')

        when:
        swift.put(account + '/c/a%2Fb%20c/%E2%9C%93.txt', 'unicode')

        then:
        swift.get(account + '/c/a/b c/\u2713.txt'.replace(' ', '%20').replace('\u2713', '%E2%9C%93')).text == 'unicode'
        swift.get(account + '/c').text == 'a/b c/\u2713.txt\n'
    }

    def "a wrong ETag is 422 and nothing is stored; a right one, quoted or not, is accepted"() {
        given:
        swift.put(account + '/c')
        byte[] content = 'checked'.bytes

        when:
        def wrong = swift.put(account + '/c/o', content, [ETag: md5('something else'.bytes)])

        then:
        wrong.status == 422
        wrong.text == '<html><h1>Unprocessable Entity</h1><p>Unable to process the contained instructions</p></html>'
        swift.get(account + '/c/o').status == 404
        swift.get(account + '/c').status == 204

        expect:
        swift.put(account + '/c/o', content, [ETag: md5(content)]).status == 201
        swift.put(account + '/c/q', content, [ETag: '"' + md5(content) + '"']).status == 201
    }

    def "an object PUT into a missing container is 404 in Swift's shape"() {
        when:
        def r = swift.put(account + '/missing/o', 'x')

        then:
        r.status == 404
        r.text == NOT_FOUND
        r.header('Content-Type') == 'text/html; charset=UTF-8'
        r.header('X-Trans-Id') ==~ /tx[0-9a-f]{21}-[0-9a-f]{10}/
        r.header('X-Openstack-Request-Id') == r.header('X-Trans-Id')
    }

    def "a PUT with neither Content-Length nor chunked encoding is 411"() {
        given:
        swift.put(account + '/c')

        when:
        def r = server.rawRequest('PUT', account + '/c/o', account.substring('/v1/AUTH_'.length()))

        then:
        r.status == 411
        r.text == 'Missing Content-Length header.'
    }

    def "a chunked upload of 48 MiB is streamed to disk and hashed on the way"() {
        given:
        swift.put(account + '/c')
        long size = 48L << 20
        def digest = MessageDigest.getInstance('MD5')
        def source = new InputStream() {
            long sent = 0
            int read() { sent < size ? (int) ((sent++ * 31) & 0xff) : -1 }
            int read(byte[] b, int off, int len) {
                if (sent >= size) return -1
                int n = (int) Math.min(len, size - sent)
                for (int i = 0; i < n; i++) { b[off + i] = (byte) ((sent + i) * 31) }
                sent += n
                digest.update(b, off, n)
                n
            }
        }

        when:
        def r = server.putStreamed(account.substring('/v1/AUTH_'.length()), account + '/c/big.img', source)

        then:
        r.status == 201
        r.header('ETag') == digest.digest().encodeHex().toString()
        head(account + '/c/big.img').header('Content-Length') == "${size}"
    }

    def "Range #range gives #status with #expected"() {
        given:
        swift.put(account + '/c')
        swift.put(account + '/c/o', '0123456789')

        when:
        def r = swift.get(account + '/c/o', [Range: range])

        then:
        r.status == status
        (status == 416 ? r.header('Content-Range') : r.text) == expected
        status != 206 || r.header('Content-Range') == contentRange

        where:
        range            | status | expected     | contentRange
        'bytes=2-4'      | 206    | '234'        | 'bytes 2-4/10'
        'bytes=7-'       | 206    | '789'        | 'bytes 7-9/10'
        'bytes=-3'       | 206    | '789'        | 'bytes 7-9/10'
        'bytes=8-100'    | 206    | '89'         | 'bytes 8-9/10'
        'bytes=-100'     | 206    | '0123456789' | 'bytes 0-9/10'
        'bytes=10-'      | 416    | 'bytes */10' | null
        'bytes=-0'       | 416    | 'bytes */10' | null
        'bytes=5-2'      | 200    | '0123456789' | null
        'lines=1-2'      | 200    | '0123456789' | null
        'bytes=0-1,4-5'  | 200    | '0123456789' | null
    }

    def "DELETE of an object is 204, then 404"() {
        given:
        swift.put(account + '/c')
        swift.put(account + '/c/o', 'x')

        expect:
        swift.delete(account + '/c/o').status == 204
        swift.get(account + '/c/o').status == 404
        swift.delete(account + '/c/o').text == NOT_FOUND
    }

    def "DELETE of a container is 409 while it holds objects, then 204, then 404"() {
        given:
        swift.put(account + '/c')
        swift.put(account + '/c/o', 'x')

        when:
        def full = swift.delete(account + '/c')

        then:
        full.status == 409
        full.text == '<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>'

        expect:
        swift.delete(account + '/c/o').status == 204
        swift.delete(account + '/c').status == 204
        swift.delete(account + '/c').status == 404
        head(account + '/c').status == 404
        swift.get(account + '/c').status == 404
    }

    def "an object sent with X-Delete-After expires: 404, and gone from listings and totals"() {
        given:
        swift.put(account + '/c')

        when:
        // 2, not 1: the time is cut to whole seconds, so 1 may expire a millisecond later, before the HEAD below
        def put = swift.put(account + '/c/short', 'x', ['X-Delete-After': '2'])
        def shown = head(account + '/c/short')

        then:
        put.status == 201
        shown.header('X-Delete-At') ==~ /\d{10}/

        when:
        long deadline = System.currentTimeMillis() + 5000
        while (swift.get(account + '/c/short').status == 200 && System.currentTimeMillis() < deadline) {
            sleep(100)
        }

        then:
        swift.get(account + '/c/short').status == 404
        swift.get(account + '/c').status == 204
        head(account + '/c').header('X-Container-Object-Count') == '0'
    }

    def "X-Delete-At in the future is kept and shown"() {
        given:
        swift.put(account + '/c')
        long at = System.currentTimeMillis().intdiv(1000) + 3600

        when:
        swift.put(account + '/c/o', 'x', ['X-Delete-At': "${at}"])

        then:
        head(account + '/c/o').header('X-Delete-At') == "${at}"
    }

    def "a bad expiry (#headers) is 400 '#message'"() {
        given:
        swift.put(account + '/c')

        when:
        def r = swift.put(account + '/c/o', 'x', headers)

        then:
        r.status == 400
        r.text == message
        swift.get(account + '/c/o').status == 404

        where:
        headers                          | message
        ['X-Delete-After': 'soon']       | 'Non-integer X-Delete-After'
        ['X-Delete-After': '0']          | 'X-Delete-After in past'
        ['X-Delete-After': '-60']        | 'X-Delete-After in past'
        ['X-Delete-At': '12.5']          | 'Non-integer X-Delete-At'
        ['X-Delete-At': '1000000000']    | 'X-Delete-At in past'
    }

    def "a project may use only its own account: #path is 403"() {
        when:
        def r = swift.send(method, path, null, [:])

        then:
        r.status == 403
        method == 'HEAD' || r.text == '<html><h1>Forbidden</h1><p>Access was denied to this resource.</p></html>'

        where:
        method | path
        'GET'  | '/v1/AUTH_someone-else'
        'PUT'  | '/v1/AUTH_someone-else/c'
        'HEAD' | '/v1/AUTH_someone-else/c/o'
        'GET'  | '/v1/someone'
    }

    def "another project cannot read an object, even knowing its name"() {
        given:
        swift.put(account + '/c')
        swift.put(account + '/c/secret', 'x')

        expect:
        server.as('intruder').get(account + '/c/secret').status == 403
    }

    def "#method on #level is 405 with Allow"() {
        when:
        def r = swift.send(method, path.replace('ACCOUNT', account), null, [:])

        then:
        r.status == 405
        r.header('Allow') == allow

        where:
        method   | level       | path                 | allow
        'PUT'    | 'account'   | 'ACCOUNT'            | 'GET, HEAD'
        'DELETE' | 'account'   | 'ACCOUNT'            | 'GET, HEAD'
        'POST'   | 'container' | 'ACCOUNT/c'          | 'GET, HEAD, PUT, DELETE'
        'COPY'   | 'object'    | 'ACCOUNT/c/o'        | 'GET, HEAD, PUT, DELETE'
    }

    def "listing parameters are checked as Swift checks them: #query is #status"() {
        given:
        swift.put(account + '/c')

        when:
        def r = swift.get(account + '/c?' + query, headers)

        then:
        r.status == status
        status == 204 || r.text == message

        where:
        query             | headers                      | status | message
        'limit=10001'     | [:]                          | 412    | 'Maximum limit is 10000'
        'delimiter=ab'    | [:]                          | 412    | 'Bad delimiter'
        'format=xml'      | [:]                          | 406    | 'XML listings are not offered here; use format=json or plain text'
        'limit=-1'        | [:]                          | 204    | null
        ''                | [Accept: 'image/png']        | 406    | '<html><h1>Not Acceptable</h1><p>The resource is not available in a format acceptable to your browser.</p></html>'
    }

    def "#path is 404 as in Swift"() {
        expect:
        swift.get(path).status == 404
        swift.get(path).text == NOT_FOUND

        where:
        path << ['/v1', '/v1/']
    }
}
