package dev.glaze.core.internal.http

import spock.lang.Specification

import java.nio.charset.StandardCharsets

/** The server's message, from every error body shape the contract lists (section 12). */
class ErrorBodiesSpec extends Specification {
    def "#shape"() {
        expect:
        ErrorBodies.message(body.getBytes(StandardCharsets.UTF_8), type) == message

        where:
        shape                         | type                          | body                                                                                                                                                                  || message
        'WebOb plain text'            | 'text/plain; charset=UTF-8'   | '404 Not Found\n\nNo image found with ID 1234\n\n   '                                                                                                                || 'No image found with ID 1234'
        'WebOb HTML (Accept */*)'     | 'text/html; charset=UTF-8'    | '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID 1234<br /><br />\n\n\n\n </body>\n</html>' || 'No image found with ID 1234'
        'WebOb JSON'                  | 'application/json'            | '{"message": "No image found with ID 1234<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}'                                                      || 'No image found with ID 1234'
        'WebOb 415 with a detail'     | 'text/plain'                  | '415 Unsupported Media Type\n\nThe request media type application/json is not supported by this server. \n\n Invalid content type application/json'                  || 'The request media type application/json is not supported by this server. Invalid content type application/json'
        'keystone'                    | 'application/json'            | '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}'                                                  || 'The request you have made requires authentication.'
        'Nova / Rackspace fault'      | 'application/json'            | '{"itemNotFound": {"code": 404, "message": "Image not found."}}'                                                                                                      || 'Image not found.'
        'Rackspace identity'          | 'application/json'            | '{"unauthorized": {"code": 401, "message": "Unable to authenticate user with credentials provided."}}'                                                               || 'Unable to authenticate user with credentials provided.'
        'Swift HTML'                  | 'text/html; charset=UTF-8'    | '<html><h1>Not Found</h1><p>The resource could not be found.</p></html>'                                                                                              || 'The resource could not be found.'
        'an empty body'               | null                          | ''                                                                                                                                                                    || ''
        'JSON without a message'      | 'application/json'            | '{"code": 500}'                                                                                                                                                       || '{"code": 500}'
    }

    def "a huge body is cut short"() {
        expect:
        ErrorBodies.message(('x' * 100_000).bytes, 'text/plain').length() <= 501
    }
}
