package dev.glaze.shell;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.shell.repl.ReplSession;
import java.util.List;

/**
 * The cloud a glaze process works with, how it was chosen, and the embedded image service when that is the one:
 * closing the session stops that service and releases its data folder.
 */
public final class Session implements ReplSession, AutoCloseable {
    private final CloudSelector selector;
    private Cloud cloud;
    private String description;

    Session(CloudSelector selector, Cloud cloud, String description) {
        this.selector = selector;
        this.cloud = cloud;
        this.description = description;
    }

    /** The cloud selected now. */
    @Override
    public Cloud cloud() {
        return cloud;
    }

    /** Where the cloud came from, e.g. {@code cloud 'rax' in clouds.yaml} or {@code the embedded image service}. */
    @Override
    public String description() {
        return description;
    }

    /** The names of the clouds in clouds.yaml (empty when there is none, or it cannot be read). */
    @Override
    public List<String> cloudNames() {
        return selector.cloudNames();
    }

    /**
     * Switches to the cloud {@code name} of clouds.yaml ({@code local}, when no cloud has that name, is the embedded
     * image service), in {@code region} when not null.
     */
    @Override
    public void use(String name, String region) throws CommandFailedException {
        Session next = selector.named(name, region);
        this.cloud = next.cloud;
        this.description = next.description;
    }

    /** The cloud {@code name} of clouds.yaml, made as this shell makes clouds: for {@code clouds.NAME}. */
    public Cloud cloudNamed(String name) {
        try {
            return selector.named(name, null).cloud;
        } catch (CommandFailedException e) {
            throw new GlazeException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        selector.close();
    }
}
