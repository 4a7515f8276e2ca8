package dev.glaze.emulator.swift;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * An object opened for reading: its metadata and a channel on exactly that version of its content, which stays
 * readable even if the object is replaced or deleted meanwhile. Close it.
 */
public record OpenObject(ObjectInfo info, FileChannel channel) implements AutoCloseable {

    /** The content from its start; closing the stream closes this. */
    public InputStream stream() {
        return Channels.newInputStream(channel);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
