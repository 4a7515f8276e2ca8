package dev.glaze.emulator;

import java.util.Locale;

/**
 * Whether the image service wants tokens. Either way the identity endpoints ({@code POST /v3/auth/tokens},
 * {@code POST /v2.0/tokens}) answer, so clients find their endpoints the same way in both modes.
 */
public enum AuthMode {
    /** Any or no token is accepted; {@code X-Project-Id}/{@code X-Roles} headers may name the caller. */
    NONE,
    /** Users come from a users file; every image request needs a valid {@code X-Auth-Token}. */
    KEYSTONE;

    /** Parses a mode name as given on the command line; the error names the accepted values. */
    public static AuthMode fromName(String name) {
        for (AuthMode m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown auth mode '" + name + "': use none or keystone");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
