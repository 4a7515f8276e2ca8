package dev.glaze.emulator.swift;

import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Json;
import dev.glaze.emulator.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The small JSON files that hold the real names and the metadata: one per account, container and object. */
final class Sidecars {
    /** An object as stored: what clients see, and the file in its container folder that holds its content. */
    record StoredObject(ObjectInfo info, String dataFile) {
    }

    /** A container's or account's marker file: its real name and when it was created. */
    record Marker(String name, Instant created) {
    }

    private Sidecars() {
    }

    static void writeObject(Path sidecar, StoredObject stored) throws IOException {
        ObjectInfo info = stored.info();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", info.name());
        doc.put("bytes", info.size());
        doc.put("hash", info.etag());
        doc.put("content_type", info.contentType());
        doc.put("last_modified", SwiftTimes.normal(info.lastModified()));
        doc.put("delete_at", info.deleteAt() == null ? null : info.deleteAt().getEpochSecond());
        doc.put("data", stored.dataFile());
        AtomicFiles.write(sidecar, Json.bytes(doc));
    }

    /** Reads an object's sidecar; a file that is not one (damaged by hand) is an {@link IOException}. */
    static StoredObject readObject(Path sidecar) throws IOException {
        Map<String, Object> doc = readDoc(sidecar);
        try {
            Object deleteAt = doc.get("delete_at");
            ObjectInfo info = new ObjectInfo((String) doc.get("name"), (Long) doc.get("bytes"),
                    (String) doc.get("hash"), (String) doc.get("content_type"),
                    SwiftTimes.parseNormal((String) doc.get("last_modified")),
                    deleteAt == null ? null : Instant.ofEpochSecond((Long) deleteAt));
            String data = (String) doc.get("data");
            if (info.etag() == null || data == null || data.contains("/")) {
                throw new IOException("incomplete object metadata in " + sidecar);
            }
            return new StoredObject(info, data);
        } catch (ClassCastException | NullPointerException | NumberFormatException e) {
            throw new IOException("unreadable object metadata in " + sidecar + ": " + e, e);
        }
    }

    static void writeMarker(Path file, Marker marker) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", marker.name());
        doc.put("created", SwiftTimes.normal(marker.created()));
        AtomicFiles.write(file, Json.bytes(doc));
    }

    static Marker readMarker(Path file) throws IOException {
        Map<String, Object> doc = readDoc(file);
        try {
            String name = (String) doc.get("name");
            if (name == null) {
                throw new IOException("no name in " + file);
            }
            return new Marker(name, SwiftTimes.parseNormal((String) doc.get("created")));
        } catch (ClassCastException | NullPointerException | NumberFormatException e) {
            throw new IOException("unreadable marker " + file + ": " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readDoc(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            Object doc = Json.parse(bytes);
            if (doc instanceof Map) {
                return (Map<String, Object>) doc;
            }
        } catch (HttpError e) {
            // not JSON: reported below
        }
        throw new IOException("not a JSON object: " + file);
    }
}
