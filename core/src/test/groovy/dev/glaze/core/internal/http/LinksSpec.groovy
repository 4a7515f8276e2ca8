package dev.glaze.core.internal.http

import spock.lang.Specification

class LinksSpec extends Specification {
    def "a catalog URL loses a trailing version: #endpoint"() {
        expect:
        Links.imageBase(URI.create(endpoint)).toString() == base

        where:
        endpoint                                            || base
        'https://iad.images.api.rackspacecloud.com/v2'      || 'https://iad.images.api.rackspacecloud.com'
        'https://iad.images.api.rackspacecloud.com/v2/'     || 'https://iad.images.api.rackspacecloud.com'
        'http://10.0.0.1:9292'                              || 'http://10.0.0.1:9292'
        'http://10.0.0.1:9292/'                             || 'http://10.0.0.1:9292'
        'http://host/image'                                 || 'http://host/image'
        'http://host/image/v2.1'                            || 'http://host/image'
        'http://host/image/v2?x=1'                          || 'http://host/image'
        'http://v2.example.com'                             || 'http://v2.example.com'
        'http://host/images-v2'                             || 'http://host/images-v2'
    }

    def "links from bodies are appended to the base, not resolved against the host root: #link"() {
        expect:
        Links.join(URI.create(base), link).toString() == joined

        where:
        base                       | link                                   || joined
        'http://host:9292'         | '/v2/images?limit=3&marker=abc'        || 'http://host:9292/v2/images?limit=3&marker=abc'
        'http://host/image'        | '/v2/images?marker=abc'                || 'http://host/image/v2/images?marker=abc'
        'http://host/image/'       | '/v2/images/1/file'                    || 'http://host/image/v2/images/1/file'
        'http://host/image'        | 'https://other/v2/x'                   || 'https://other/v2/x'
    }

    def "segments are percent-encoded, object paths keep their slashes"() {
        expect:
        Links.segment('a b/c%') == 'a%20b%2Fc%25'
        Links.objectPath('dir/a b.vhd') == 'dir/a%20b.vhd'
        Links.query([Map.entry('tag', 'a b'), Map.entry('name', 'x&y')]) == 'tag=a+b&name=x%26y'
    }
}
