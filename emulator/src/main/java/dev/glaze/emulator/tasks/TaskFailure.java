package dev.glaze.emulator.tasks;

/** Ends a task in {@code failure}; the message is the task's {@code message}, as the user reads it. */
final class TaskFailure extends Exception {
    TaskFailure(String message) {
        super(message, null, false, false);
    }
}
