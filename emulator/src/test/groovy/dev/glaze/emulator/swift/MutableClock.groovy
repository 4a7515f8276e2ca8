package dev.glaze.emulator.swift

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/** A clock a test moves by hand. */
class MutableClock extends Clock {
    Instant now = Instant.parse('2030-01-02T03:04:05.123456Z')

    void advance(Duration d) {
        now = now + d
    }

    @Override
    ZoneId getZone() { ZoneOffset.UTC }

    @Override
    Clock withZone(ZoneId zone) { this }

    @Override
    Instant instant() { now }
}
