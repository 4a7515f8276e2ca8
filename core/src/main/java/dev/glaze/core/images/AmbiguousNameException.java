package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import java.util.List;
import java.util.stream.Collectors;

/** Several images have the name looked up; the message lists them so the user can pick an id. */
public class AmbiguousNameException extends GlazeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Image> matches;

    public AmbiguousNameException(String name, List<Image> matches) {
        super(matches.size() + " images are named '" + name + "': " + matches.stream()
                .map(i -> i.getId() + " (created " + i.getCreatedAt() + ")").collect(Collectors.joining(", "))
                + "; use an id, or named(name, NEWEST|OLDEST)");
        this.matches = List.copyOf(matches);
    }

    public List<Image> matches() {
        return matches;
    }
}
