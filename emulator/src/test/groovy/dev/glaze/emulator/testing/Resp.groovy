package dev.glaze.emulator.testing

import groovy.json.JsonSlurper
import groovy.transform.CompileStatic

/** What a test sees of an HTTP answer. */
@CompileStatic
class Resp {
    final int status
    final Map<String, List<String>> headers
    final byte[] bytes

    Resp(int status, Map<String, List<String>> headers, byte[] bytes) {
        this.status = status
        this.headers = headers
        this.bytes = bytes
    }

    String getText() {
        new String(bytes, 'UTF-8')
    }

    /** The body parsed as JSON (maps and lists). */
    Object getJson() {
        bytes.length == 0 ? null : new JsonSlurper().parse(bytes)
    }

    /** A header's first value, case-insensitively. */
    String header(String name) {
        def entry = headers.find { k, v -> k.equalsIgnoreCase(name) }
        entry ? entry.value[0] : null
    }

    /** The first line of the error's explanation, whatever format the body is in. */
    String getMessage() {
        String ct = header('Content-Type') ?: ''
        if (ct.startsWith('application/json')) {
            def j = json as Map
            String m = (j.message ?: (j.error as Map)?.message) as String
            return m.replaceAll(/<br \/>[\s\S]*$/, '').trim()
        }
        String t = text.replaceAll(/<[^>]+>/, '').trim()
        def lines = t.readLines()*.trim().findAll { it }
        return lines.size() > 1 ? lines[1] : (lines ? lines[0] : '')
    }

    @Override
    String toString() {
        "HTTP ${status} ${text.take(300)}"
    }
}
