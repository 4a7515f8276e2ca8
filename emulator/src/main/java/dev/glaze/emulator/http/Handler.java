package dev.glaze.emulator.http;

import java.io.IOException;

/** Serves one route. Throw {@link HttpError} to answer with an error. */
@FunctionalInterface
public interface Handler {
    void handle(Exchange exchange) throws IOException;
}
