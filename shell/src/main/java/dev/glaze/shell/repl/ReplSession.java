package dev.glaze.shell.repl;

import dev.glaze.core.Cloud;
import java.util.List;

/** What the REPL needs of the shell's cloud selection: the cloud now, the configured names, switching. */
public interface ReplSession {
    Cloud cloud();

    /** Where the cloud came from, for {@code :clouds}. */
    String description();

    /** The clouds of clouds.yaml. */
    List<String> cloudNames();

    /** Switches to another cloud ({@code :use}); the message of what is thrown says why that failed. */
    void use(String name, String region) throws Exception;
}
