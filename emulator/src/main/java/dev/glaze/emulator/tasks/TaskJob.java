package dev.glaze.emulator.tasks;

import java.io.IOException;
import java.util.Map;

/**
 * The work of one task, in two steps that the runner spaces by the configured delay: {@link #prepare} when the task
 * turns {@code processing} (check the input, make the image an import fills), then {@link #copy} (move the bytes).
 */
interface TaskJob {
    void prepare() throws TaskFailure;

    /** Moves the bytes; returns the task's {@code result}. */
    Map<String, Object> copy() throws TaskFailure, IOException;

    /** What the task's message says when {@code copy} failed with {@code e}. */
    String describe(IOException e);

    /** Removes what a failed task leaves behind (an import's unfinished image). */
    void cleanUp();

    /**
     * Called from another thread when the service stops: makes a {@link #copy} under way fail at once, by closing
     * its source (a download does not notice interrupts).
     */
    void abort();
}
