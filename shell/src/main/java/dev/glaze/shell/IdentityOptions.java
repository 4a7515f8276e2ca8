package dev.glaze.shell;

import dev.glaze.emulator.AuthMode;
import dev.glaze.emulator.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;

/** The serve options about who may call the service and where: {@code --regions}, {@code --auth}, {@code --users}, {@code --token-ttl}. */
final class IdentityOptions {
    private IdentityOptions() {
    }

    static void apply(CommandLine cmd, ServiceConfig.Builder builder) throws UsageException {
        if (cmd.hasOption(ShellOptions.REGIONS)) {
            List<String> regions = Arrays.stream(cmd.getOptionValue(ShellOptions.REGIONS).split(","))
                    .map(String::trim).toList();
            try {
                builder.regions(regions);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--regions: " + e.getMessage());
            }
        }
        AuthMode auth = auth(cmd.getOptionValue(ShellOptions.AUTH, "none"));
        builder.auth(auth);
        String users = cmd.getOptionValue(ShellOptions.USERS);
        if (auth == AuthMode.KEYSTONE && users == null) {
            throw new UsageException("--auth keystone needs --users FILE (the users, passwords and projects;"
                    + " see docs/identity.md)");
        }
        if (auth == AuthMode.NONE && users != null) {
            throw new UsageException("--users is only read with --auth keystone; add --auth keystone or drop --users");
        }
        if (users != null) {
            Path file = DataFolder.resolve(users);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--users " + users + ": no such file");
            }
            builder.usersFile(file);
        }
        if (cmd.hasOption(ShellOptions.TOKEN_TTL)) {
            try {
                builder.tokenTtl(DurationOption.parse("token-ttl", cmd.getOptionValue(ShellOptions.TOKEN_TTL)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--token-ttl: " + e.getMessage());
            }
        }
    }

    private static AuthMode auth(String value) throws UsageException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> AuthMode.NONE;
            case "keystone" -> AuthMode.KEYSTONE;
            default -> throw new UsageException("--auth takes none or keystone, not '" + value + "'");
        };
    }
}
