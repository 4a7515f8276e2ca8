package dev.glaze.shell.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The options of a saved script, parsed the way glaze parses its own: {@code --dry-run}, {@code --keep 5} or
 * {@code --keep=5}, {@code --} ends the options, {@code --help} prints the usage line and ends the script with
 * exit code 0. Each option is declared by its default value, whose type says what it takes: a {@code Boolean} is
 * a flag, an {@code Integer} a whole number, a {@code String} any text. Names are camelCase in the script and
 * kebab-case on the command line.
 *
 * <pre>
 * def opt = ScriptArgs.parse(args, 'prune-builds.groovy [--keep N] [--dry-run] PATTERN...', [keep: 3, dryRun: false])
 * if (!opt.rest) throw opt.usage('give at least one PATTERN')
 * opt.keep      // 3, or what --keep said
 * </pre>
 *
 * A mistake ends the script with exit code 2 and one line: what was wrong, then the usage.
 */
public final class ScriptArgs {
    private ScriptArgs() {
    }

    public static ScriptOptions parse(String[] args, String usage, Map<String, ?> defaults) {
        Map<String, Object> values = new LinkedHashMap<>(defaults);
        Map<String, String> byFlag = new LinkedHashMap<>();
        defaults.keySet().forEach(k -> byFlag.put("--" + kebab(k), k));
        List<String> rest = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!options || !a.startsWith("--") && !a.equals("-h")) {
                rest.add(a);
                continue;
            }
            if (a.equals("--")) {
                options = false;
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                throw new ScriptUsageException(null, usage);
            }
            int eq = a.indexOf('=');
            String flag = eq < 0 ? a : a.substring(0, eq);
            String key = byFlag.get(flag);
            if (key == null) {
                throw new ScriptUsageException("unknown option " + flag + "; the options are "
                        + describe(defaults), usage);
            }
            Object kind = defaults.get(key);
            if (kind instanceof Boolean) {
                if (eq >= 0) {
                    throw new ScriptUsageException(flag + " is a flag and takes no value", usage);
                }
                values.put(key, Boolean.TRUE);
                continue;
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new ScriptUsageException(flag + " needs a value (" + flag + " " + placeholder(kind) + ")", usage);
            }
            values.put(key, convert(flag, kind, value, usage));
        }
        return new ScriptOptions(values, rest, usage);
    }

    private static Object convert(String flag, Object kind, String value, String usage) {
        if (kind instanceof Integer) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new ScriptUsageException(flag + " takes a whole number, not '" + value + "'", usage);
            }
        }
        return value;
    }

    private static String describe(Map<String, ?> defaults) {
        return defaults.entrySet().stream()
                .map(e -> "--" + kebab(e.getKey()) + (e.getValue() instanceof Boolean ? "" : " " + placeholder(e.getValue())))
                .collect(Collectors.joining(", "));
    }

    private static String placeholder(Object kind) {
        return kind instanceof Integer ? "N" : "VALUE";
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
