package dev.glaze.emulator.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One image as stored: its attributes by wire name (base attributes and extra properties in one flat map,
 * as Glance shows them; tags as a list of strings; unset base attributes as null), its members, and its place in
 * the order of creation. Immutable: a change makes a new value with {@link #with}.
 */
public final class StoredImage {
    private final Map<String, Object> attributes;
    private final List<Member> members;
    private final long sequence;

    public StoredImage(Map<String, Object> attributes, List<Member> members) {
        this(attributes, members, 0);
    }

    public StoredImage(Map<String, Object> attributes, List<Member> members, long sequence) {
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.members = List.copyOf(members);
        this.sequence = sequence;
    }

    public String id() {
        return (String) attributes.get("id");
    }

    public String status() {
        return (String) attributes.get("status");
    }

    public String owner() {
        return (String) attributes.get("owner");
    }

    public String visibility() {
        return (String) attributes.get("visibility");
    }

    public Object get(String name) {
        return attributes.get(name);
    }

    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    public List<Member> members() {
        return members;
    }

    /**
     * Where the image stands in the order of creation (the store numbers images as it inserts them; 0 for one
     * not stored yet). Glance keeps {@code created_at} to the microsecond but shows whole seconds; this number
     * orders images created within the same second the way Glance's hidden microseconds do.
     */
    public long sequence() {
        return sequence;
    }

    public StoredImage withSequence(long newSequence) {
        return new StoredImage(attributes, members, newSequence);
    }

    public Member member(String memberId) {
        for (Member m : members) {
            if (m.memberId().equals(memberId)) {
                return m;
            }
        }
        return null;
    }

    /** A copy with the attribute map changed by {@code edit}. */
    public StoredImage with(Consumer<Map<String, Object>> edit) {
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        edit.accept(copy);
        return new StoredImage(copy, members, sequence);
    }

    public StoredImage withMembers(List<Member> newMembers) {
        return new StoredImage(attributes, newMembers, sequence);
    }
}
