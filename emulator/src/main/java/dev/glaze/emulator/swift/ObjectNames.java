package dev.glaze.emulator.swift;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What an account, container or object may be called. Swift itself accepts almost anything (it hashes names);
 * this store refuses, with 400 and a message, every name that a path-based tool could take for a way out of its
 * container: {@code .} and {@code ..} segments, empty segments, a leading {@code /}, NUL bytes, malformed UTF-16,
 * and names longer than Swift's limits.
 */
final class ObjectNames {
    static final int MAX_ACCOUNT_NAME_BYTES = 256;
    static final int MAX_CONTAINER_NAME_BYTES = 256;
    static final int MAX_OBJECT_NAME_BYTES = 1024;

    private ObjectNames() {
    }

    static void checkAccount(String account) {
        int bytes = utf8Length("Account", account);
        if (bytes == 0) {
            throw SwiftException.badRequest("Account name may not be empty");
        }
        if (bytes > MAX_ACCOUNT_NAME_BYTES) {
            throw SwiftException.badRequest(
                    "Account name length of " + bytes + " longer than " + MAX_ACCOUNT_NAME_BYTES);
        }
        if (account.indexOf('/') >= 0) {
            throw SwiftException.badRequest("Account name may not contain '/'");
        }
    }

    static void checkContainer(String container) {
        int bytes = utf8Length("Container", container);
        if (bytes == 0) {
            throw SwiftException.badRequest("Container name may not be empty");
        }
        // Swift's own message for this check.
        if (bytes > MAX_CONTAINER_NAME_BYTES) {
            throw SwiftException.badRequest(
                    "Container name length of " + bytes + " longer than " + MAX_CONTAINER_NAME_BYTES);
        }
        if (container.indexOf('/') >= 0) {
            throw SwiftException.badRequest("Container name may not contain '/': " + container);
        }
        if (container.equals(".") || container.equals("..")) {
            throw SwiftException.badRequest("Container name may not be '.' or '..'");
        }
    }

    /**
     * Object names may contain {@code /} (pseudo-folders) and may end with one (a folder marker), but every
     * segment between slashes must be a real name.
     */
    static void checkObject(String object) {
        int bytes = utf8Length("Object", object);
        if (bytes == 0) {
            throw SwiftException.badRequest("Object name may not be empty");
        }
        // Swift's own message for this check.
        if (bytes > MAX_OBJECT_NAME_BYTES) {
            throw SwiftException.badRequest(
                    "Object name length of " + bytes + " longer than " + MAX_OBJECT_NAME_BYTES);
        }
        if (object.startsWith("/")) {
            throw SwiftException.badRequest("Object name may not start with '/': " + object);
        }
        String inner = object.endsWith("/") ? object.substring(0, object.length() - 1) : object;
        for (String segment : inner.split("/", -1)) {
            if (segment.isEmpty()) {
                throw SwiftException.badRequest("Object name may not contain an empty segment ('//'): " + object);
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw SwiftException.badRequest("Object name may not contain a '" + segment + "' segment: " + object);
            }
        }
    }

    /** The name's length in UTF-8 bytes; refuses names that are not text (NUL, lone surrogates). */
    private static int utf8Length(String kind, String name) {
        if (name == null) {
            throw SwiftException.badRequest(kind + " name is missing");
        }
        if (name.indexOf('\0') >= 0) {
            throw SwiftException.badRequest(kind + " name may not contain NUL bytes");
        }
        try {
            return StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(name)).remaining();
        } catch (CharacterCodingException e) {
            throw SwiftException.badRequest(kind + " name is not valid Unicode text");
        }
    }

    /** Strict UTF-8 decoding of a percent-decoded path: malformed bytes are a 400, not a replacement character. */
    static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw SwiftException.badRequest("Invalid UTF-8 in the path");
        }
    }

    /** Orders names as Swift's listings do: by UTF-8 bytes, which is the order of code points. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
