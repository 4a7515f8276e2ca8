package dev.glaze.core.tasks;

/** An import or export task. (Being written.) */
public final class Task {
}
