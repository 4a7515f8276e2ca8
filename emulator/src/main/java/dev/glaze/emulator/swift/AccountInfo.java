package dev.glaze.emulator.swift;

import java.time.Instant;

/** An account's totals, as {@code HEAD /v1/AUTH_<project>} reports them; {@code created} is null for an unused one. */
public record AccountInfo(String name, long containerCount, long objectCount, long bytesUsed, Instant created) {
}
