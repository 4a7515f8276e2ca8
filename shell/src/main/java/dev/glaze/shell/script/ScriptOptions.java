package dev.glaze.shell.script;

import java.util.List;
import java.util.Map;

/** What {@link ScriptArgs#parse} found: each option by its name ({@code opt.dryRun}), and the other arguments. */
public final class ScriptOptions {
    private final Map<String, Object> values;
    private final List<String> rest;
    private final String usage;

    ScriptOptions(Map<String, Object> values, List<String> rest, String usage) {
        this.values = Map.copyOf(values);
        this.rest = List.copyOf(rest);
        this.usage = usage;
    }

    /** The arguments that are not options, in order. */
    public List<String> getRest() {
        return rest;
    }

    /** {@code opt.keep}: an option's value; a name that was not declared is a mistake in the script. */
    public Object propertyMissing(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("the script reads option '" + name + "', which it did not declare;"
                    + " it declared " + values.keySet());
        }
        return values.get(name);
    }

    /** The error to throw for a wrong command line: exit code 2, {@code message} and the usage. */
    public ScriptUsageException usage(String message) {
        return new ScriptUsageException(message, usage);
    }

    @Override
    public String toString() {
        return values + " " + rest;
    }
}
