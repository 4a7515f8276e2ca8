package dev.glaze.core.internal.http;

/** Where the debug log of HTTP exchanges goes (the shell's {@code --debug}); lines arrive already redacted. */
@FunctionalInterface
public interface HttpLog {
    void line(String line);
}
