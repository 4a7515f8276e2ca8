package dev.glaze.shell.repl;

import dev.glaze.core.internal.http.Secrets;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The REPL's history, which never keeps a line that looks like it holds a secret (a password, an API key, a token),
 * neither in memory nor in {@code ~/.glaze/history}: such a line is for this one use only.
 */
public final class SecretFilteringHistory extends DefaultHistory {
    private static final Pattern SECRET = Pattern.compile("(?i)password|passwd|api[_-]?key|token|secret");

    /**
     * True for a line that history must not keep: one naming a secret, or holding one glaze already knows (a token
     * or password it signed in with, pasted without a telling name).
     */
    public static boolean isSecret(String line) {
        return SECRET.matcher(line).find() || !Secrets.redact(line).equals(line);
    }

    @Override
    public void add(Instant time, String line) {
        if (!isSecret(line)) {
            super.add(time, line);
        }
    }
}
