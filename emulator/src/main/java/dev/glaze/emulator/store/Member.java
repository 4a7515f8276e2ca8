package dev.glaze.emulator.store;

/** A project an image is shared with, and whether it accepted. Timestamps are wire strings. */
public record Member(String memberId, String status, String createdAt, String updatedAt) {
    public Member withStatus(String newStatus, String now) {
        return new Member(memberId, newStatus, createdAt, now);
    }
}
