package dev.glaze.shell;

import dev.glaze.emulator.ImageService;
import dev.glaze.emulator.Profile;
import dev.glaze.emulator.ServiceConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;

/**
 * {@code glaze serve}: runs the embedded image service in the foreground until the process is stopped.
 * The one line on stdout is a contract (scripts and tests wait for it), so everything else goes to stderr.
 */
final class ServeCommand {
    /** What stdout says once the service accepts connections, followed by its URL. */
    static final String LISTENING = "glaze image service listening on ";

    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parses the options after {@code serve}, starts the service and blocks until the JVM shuts down. */
    int run(String[] args) throws UsageException, CommandFailedException {
        CommandLine cmd = CommandLines.parse(ShellOptions.serve(), args, "glaze serve --help");
        if (cmd.hasOption(ShellOptions.HELP)) {
            out.print(ShellOptions.serveHelp());
            out.flush();
            return ExitCodes.OK;
        }
        if (!cmd.getArgList().isEmpty()) {
            throw new UsageException("serve takes no arguments, but got '" + cmd.getArgList().get(0)
                    + "'; see glaze serve --help");
        }
        ServiceConfig config = config(cmd);
        DataFolder folder = DataFolder.open(config.dataDir());
        ImageService service;
        try {
            service = ImageService.start(config);
        } catch (IOException | UncheckedIOException e) {
            folder.close();
            throw startFailure(config, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        } catch (IllegalArgumentException e) {
            // a users file that cannot be used: the message names the file and the problem, never a secret
            folder.close();
            throw new CommandFailedException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // the store could not read what is in the folder (a damaged or foreign file): say which folder
            folder.close();
            throw new CommandFailedException("cannot open the images in data folder " + config.dataDir() + ": "
                    + e.getMessage() + "; repair or move the folder, or choose another with --data DIR", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C or SIGTERM: stop accepting, let running requests finish, release the data folder.
            service.close();
            folder.close();
            stopped.countDown();
        }, "glaze-serve-shutdown"));
        out.println(LISTENING + service.url());
        out.flush();
        err.println("glaze: profile " + config.profile().id() + ", auth " + config.auth().name().toLowerCase()
                + ", regions " + String.join(",", config.regions()) + ", data in " + folder.path()
                + "; Ctrl-C stops the service");
        err.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /** Checks every option value and builds the service configuration; nothing is touched on disk yet. */
    static ServiceConfig config(CommandLine cmd) throws UsageException {
        for (var option : ShellOptions.serve().getOptions()) {
            String[] values = cmd.getOptionValues(option);
            if (values != null && values.length > 1) {
                throw new UsageException("--" + option.getLongOpt() + " is given " + values.length
                        + " times; give it once");
            }
        }
        Path data = DataFolder.resolve(cmd.getOptionValue(ShellOptions.DATA, ShellOptions.DEFAULT_DATA));
        ServiceConfig.Builder builder = ServiceConfig.builder(data)
                .port(port(cmd.getOptionValue(ShellOptions.PORT, String.valueOf(ServiceConfig.DEFAULT_PORT))))
                .bind(bind(cmd.getOptionValue(ShellOptions.BIND, ServiceConfig.DEFAULT_BIND)));
        try {
            builder.profile(Profile.fromName(cmd.getOptionValue(ShellOptions.PROFILE, ShellOptions.DEFAULT_PROFILE)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        IdentityOptions.apply(cmd, builder);
        if (cmd.hasOption(ShellOptions.TASK_DELAY)) {
            try {
                builder.taskDelay(DurationOption.parse("task-delay", cmd.getOptionValue(ShellOptions.TASK_DELAY)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--task-delay: " + e.getMessage());
            }
        }
        return builder.build();
    }

    private static int port(String value) throws UsageException {
        String hint = "--port takes a number from 0 to 65535 (0 = any free port), not '" + value + "'";
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(hint);
        }
        if (port < 0 || port > 65535) {
            throw new UsageException(hint);
        }
        return port;
    }

    private static String bind(String value) throws UsageException {
        String host = value.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new UsageException("--bind needs an address such as 127.0.0.1 or 0.0.0.0");
        }
        try {
            // resolve now, so that a typo is a usage error and not a failure deep inside the HTTP server
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind '" + value + "' does not resolve to an address;"
                    + " use an IP address such as 127.0.0.1 or 0.0.0.0, or a host name that resolves");
        }
        return host;
    }

    private static CommandFailedException startFailure(ServiceConfig config, IOException e) {
        String where = config.bind() + " port " + config.port();
        if (e instanceof BindException) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("in use")) {
                return new CommandFailedException("port " + config.port() + " on " + config.bind()
                        + " is already in use; stop the program using it or choose another port with --port N"
                        + " (0 = any free port)", e);
            }
            return new CommandFailedException("cannot listen on " + where + ": " + reason
                    + "; choose another address with --bind ADDR or port with --port N", e);
        }
        return new CommandFailedException("cannot start the image service on data folder " + config.dataDir()
                + ": " + DataFolder.reason(e) + "; check the folder or choose another with --data DIR", e);
    }
}
