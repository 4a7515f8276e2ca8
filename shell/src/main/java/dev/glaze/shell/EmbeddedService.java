package dev.glaze.shell;

import dev.glaze.emulator.ImageService;
import dev.glaze.emulator.Profile;
import dev.glaze.emulator.ServiceConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;

/**
 * The embedded image service inside the shell's own process: Rackspace profile, a free loopback port, its data
 * folder locked as {@code glaze serve} locks it, so a shell and a server never write one folder at once.
 */
final class EmbeddedService implements AutoCloseable {
    private final DataFolder folder;
    private final ImageService service;

    private EmbeddedService(DataFolder folder, ImageService service) {
        this.folder = folder;
        this.service = service;
    }

    /**
     * @param taskDelay how long each step of a task waits, or null for the service's default
     * @param regions the regions, or none for the service's one default region
     */
    static EmbeddedService start(Path dataDir, Duration taskDelay, List<String> regions)
            throws CommandFailedException {
        DataFolder folder = DataFolder.open(dataDir);
        ServiceConfig.Builder builder = ServiceConfig.builder(dataDir).port(0).bind(ServiceConfig.DEFAULT_BIND)
                .profile(Profile.RACKSPACE);
        if (!regions.isEmpty()) {
            builder.regions(regions);
        }
        if (taskDelay != null) {
            builder.taskDelay(taskDelay);
        }
        ServiceConfig config = builder.build();
        try {
            return new EmbeddedService(folder, ImageService.start(config));
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw new CommandFailedException("cannot start the embedded image service on data folder " + dataDir
                    + ": " + e.getMessage() + "; repair or move the folder, or choose another with --data DIR", e);
        }
    }

    URI url() {
        return service.url();
    }

    /** At the end of the shell's command: its own requests are over, so nothing is worth a second's wait. */
    @Override
    public void close() {
        service.stop(0);
        folder.close();
    }
}
