package dev.glaze.emulator.api;

import java.util.List;

/**
 * One checked PATCH operation: {@code op} is add, replace or remove; {@code path} the decoded JSON pointer
 * tokens (one, except for {@code locations}); {@code value} the new value (null for remove).
 */
record PatchOperation(String op, List<String> path, Object value) {
    String root() {
        return path.get(0);
    }

    boolean isAdd() {
        return op.equals("add");
    }

    boolean isReplace() {
        return op.equals("replace");
    }

    boolean isRemove() {
        return op.equals("remove");
    }
}
