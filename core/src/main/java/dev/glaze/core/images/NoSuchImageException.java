package dev.glaze.core.images;

import dev.glaze.core.GlazeException;

/** No image has the id or name looked up (or none this project may see). */
public class NoSuchImageException extends GlazeException {
    private static final long serialVersionUID = 1L;

    public NoSuchImageException(String message) {
        super(message);
    }
}
