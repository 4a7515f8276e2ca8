package dev.glaze.core.images;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The list behind {@link Image#getTags()}: reads and writes the image's pending state, so {@code image.tags << 'x'}
 * is a change that {@code save()} sends. Adding a tag it has already is a no-op (tags are a set on the server).
 */
final class LiveTags extends AbstractList<String> {
    private final Image image;
    private final ImageState state;

    LiveTags(Image image, ImageState state) {
        this.image = image;
        this.state = state;
    }

    private List<String> read() {
        JsonValue v = state.json("tags");
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray) {
            for (JsonValue t : (JsonArray) v) {
                out.add(t instanceof JsonString ? ((JsonString) t).getString() : t.toString());
            }
        }
        return out;
    }

    @Override
    public String get(int index) {
        return read().get(index);
    }

    @Override
    public int size() {
        return read().size();
    }

    @Override
    public void add(int index, String tag) {
        List<String> tags = read();
        if (!tags.contains(tag)) {
            tags.add(Math.min(index, tags.size()), tag);
            write(tags);
        }
    }

    @Override
    public String set(int index, String tag) {
        // no de-duplication here: an in-place sort sets one index after another, passing through duplicates
        List<String> tags = read();
        String old = tags.set(index, tag);
        write(tags);
        return old;
    }

    @Override
    public String remove(int index) {
        List<String> tags = read();
        String old = tags.remove(index);
        write(tags);
        return old;
    }

    private void write(List<String> tags) {
        state.assign(image.getId(), "tags", tags);
    }
}
