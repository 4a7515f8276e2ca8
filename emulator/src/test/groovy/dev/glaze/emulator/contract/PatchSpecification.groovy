package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Resp
import dev.glaze.emulator.testing.Target
import spock.lang.Specification

/** What the PATCH contract specs share: sending a patch and reading Glance's two-part error messages. */
abstract class PatchSpecification extends Specification {
    static final String V21 = Target.PATCH_V21
    static final String V20 = Target.PATCH_V20
    static final Map<String, String> MEMBER = ['X-Roles': 'member']
    static final Map<String, String> OTHER_PROJECT = ['X-Project-Id': 'glaze-other-project', 'X-Roles': 'member']

    /** Sends a JSON patch (a list of operations, or raw text) asking for JSON errors. */
    static Resp patch(Target target, String id, Object ops, Map<String, String> headers = [:], String mediaType = V21) {
        target.patch("/v2/images/${id}", ops, mediaType, [Accept: 'application/json'] + headers)
    }

    static Map image(Target target, String id) {
        def r = target.get("/v2/images/${id}")
        assert r.status == 200: "GET ${id} on ${target}: ${r}"
        r.json as Map
    }

    /**
     * The detail WebOb shows under the explanation: Glance puts its message there for every 409 and some 403s
     * ("There was a conflict when trying to complete your request." / "Property x does not exist.").
     */
    static String detail(Resp r) {
        if ((r.header('Content-Type') ?: '').startsWith('application/json')) {
            String message = r.json.message
            int br = message.indexOf('<br /><br />')
            return br < 0 ? '' : message.substring(br + '<br /><br />'.length()).trim()
        }
        def lines = r.text.replaceAll(/<[^>]+>/, '').readLines()*.trim().findAll { it }
        lines.size() > 2 ? lines[2] : ''
    }

    /** The first line of a message; Glance's schema errors go on with the failing part of the schema. */
    static String firstLine(String message) {
        message.readLines()[0]
    }
}
