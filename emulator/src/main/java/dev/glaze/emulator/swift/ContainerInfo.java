package dev.glaze.emulator.swift;

import java.time.Instant;

/** A container with its live (unexpired) object count and their total size; {@code created} is its PUT time. */
public record ContainerInfo(String name, long count, long bytes, Instant created) {
}
