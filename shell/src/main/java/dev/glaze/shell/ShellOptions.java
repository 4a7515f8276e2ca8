package dev.glaze.shell;

import dev.glaze.emulator.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Every option of the {@code glaze} command, defined once, and the help text made from them. */
final class ShellOptions {
    static final String DEFAULT_DATA = "~/.glaze/local";
    static final String DEFAULT_PROFILE = "rackspace";

    static final Option HELP = Option.builder("h").longOpt("help").desc("show this help and exit").get();
    static final Option VERSION = Option.builder("V").longOpt("version").desc("print the version and exit").get();

    static final Option EVAL = Option.builder("e").longOpt("eval").hasArg().argName("EXPR")
            .desc("evaluate the Groovy expression EXPR, print its result and exit").get();
    static final Option CLOUD = Option.builder().longOpt("cloud").hasArg().argName("NAME")
            .desc("use the cloud NAME of clouds.yaml (default: OS_CLOUD and the other OS_* variables, or"
                    + " API_ENDPOINT with AUTH_TOKEN; with none of them the embedded image service)").get();
    static final Option REGION = Option.builder().longOpt("region").hasArg().argName("NAME")
            .desc("the region to work in, e.g. IAD (default: the cloud's own, OS_REGION_NAME)").get();
    static final Option LOCAL = Option.builder().longOpt("local")
            .desc("use the embedded image service, started in this process, even when a cloud is configured").get();
    static final Option JSON = Option.builder().longOpt("json").desc("print results as JSON").get();
    static final Option PLUGIN = Option.builder().longOpt("plugin").hasArg().argName("ID")
            .desc("use only the plugin ID; repeat it for more (default: every plugin on the class path that"
                    + " applies to the cloud; :plugins lists them)").get();
    static final Option NO_PLUGINS = Option.builder().longOpt("no-plugins")
            .desc("use no plugins: plain Glance v2, with properties by wire name only").get();
    static final Option DEBUG = Option.builder().longOpt("debug")
            .desc("print every HTTP exchange (tokens and passwords redacted) and the stack trace of errors on"
                    + " stderr").get();

    static final Option PORT = Option.builder().longOpt("port").hasArg().argName("N")
            .desc("TCP port to listen on; 0 picks any free port (default " + ServiceConfig.DEFAULT_PORT + ")").get();
    static final Option BIND = Option.builder().longOpt("bind").hasArg().argName("ADDR")
            .desc("address to listen on; 0.0.0.0 listens on every interface, without any authentication"
                    + " (default " + ServiceConfig.DEFAULT_BIND + ")").get();
    static final Option DATA = Option.builder().longOpt("data").hasArg().argName("DIR")
            .desc("folder that keeps images and their data across restarts; created if missing"
                    + " (default " + DEFAULT_DATA + ")").get();
    static final Option PROFILE = Option.builder().longOpt("profile").hasArg().argName("NAME")
            .desc("which service to behave like: rackspace (Rackspace Cloud Images, an Icehouse-era Glance)"
                    + " or openstack (upstream Glance, Zed) (default " + DEFAULT_PROFILE + ")").get();

    static final Option REGIONS = Option.builder().longOpt("regions").hasArg().argName("LIST")
            .desc("comma-separated region names, e.g. DFW,ORD,IAD: each region keeps its own images and objects,"
                    + " served under /REGION and listed in the identity catalog; the first is also served at the"
                    + " root (default: one region, local)").get();
    static final Option AUTH = Option.builder().longOpt("auth").hasArg().argName("MODE")
            .desc("none: any or no token is accepted, as project local (or the X-Project-Id header);"
                    + " keystone: requests need a token from /v3/auth/tokens or /v2.0/tokens, for the users in"
                    + " --users (default none)").get();
    static final Option USERS = Option.builder().longOpt("users").hasArg().argName("FILE")
            .desc("the users, passwords, API keys and projects of --auth keystone (JSON, see docs/identity.md)")
            .get();
    static final Option TOKEN_TTL = Option.builder().longOpt("token-ttl").hasArg().argName("DURATION")
            .desc("how long an identity token lives, e.g. 30m or 24h (default 24h)").get();

    static final Option TASK_DELAY = Option.builder().longOpt("task-delay").hasArg().argName("DURATION")
            .desc("how long each step of an import or export task waits (pending, processing), so scripts and"
                    + " people can watch the states change, e.g. 0s, 2s, 1m (default 200ms)").get();

    private static final int WIDTH = 80;
    private static final String SERVE_USAGE = "glaze serve [--port N] [--bind ADDR] [--data DIR] [--profile NAME]"
            + "\n                   [--regions LIST] [--auth none|keystone] [--users FILE]"
            + "\n                   [--token-ttl DURATION] [--task-delay DURATION]";
    private static final String EXIT_CODES = "Exit codes: 0 done, 1 the command failed (a script or API call"
            + " failed, port in use, data folder unusable), 2 bad command line, 3 the cloud's settings or sign-in"
            + " failed.";

    private ShellOptions() {
    }

    /** Options that come before the command. */
    static Options global() {
        return new Options().addOption(EVAL).addOption(CLOUD).addOption(REGION).addOption(LOCAL).addOption(DATA)
                .addOption(REGIONS).addOption(JSON).addOption(PLUGIN).addOption(NO_PLUGINS).addOption(DEBUG)
                .addOption(HELP).addOption(VERSION);
    }

    static Options serve() {
        return new Options().addOption(PORT).addOption(BIND).addOption(DATA).addOption(PROFILE).addOption(REGIONS)
                .addOption(AUTH).addOption(USERS).addOption(TOKEN_TTL).addOption(TASK_DELAY).addOption(HELP);
    }

    static String help() {
        return String.join("\n",
                "Usage: glaze [OPTIONS]                  the interactive shell (REPL)",
                "       glaze [OPTIONS] -e EXPR          evaluate one Groovy expression",
                "       glaze [OPTIONS] SCRIPT [ARGS]    run a Groovy script, with ARGS as args",
                "       " + SERVE_USAGE,
                "       glaze --help | --version",
                "",
                wrap("glaze is a Groovy-scriptable shell and Java library for the OpenStack Image service v2"
                        + " (Glance), as Rackspace Cloud Images offers it, with an embedded Glance-compatible"
                        + " image service. Scripts, -e and the REPL see images, tasks, containers, cloud and"
                        + " clouds; with no cloud configured they work on the embedded image service, in this"
                        + " process, with its data in --data.", ""),
                "",
                "Commands:",
                "  serve   run the embedded Glance v2 compatible image service in the foreground",
                "",
                "Options:",
                describe(global()),
                "",
                "serve options (glaze serve --help says more):",
                describe(serve()),
                "",
                "Examples:",
                "  glaze                                     the REPL (glaze> images)",
                "  glaze -e 'images*.name'                   the names of the images",
                "  glaze --cloud rackspace --region IAD -e images",
                "  glaze --json -e \"images['web-gold']\"      one image as JSON",
                "  glaze prune.groovy 30                     a script; args[0] is '30'",
                "",
                wrap(EXIT_CODES, ""),
                "More: docs/cli.md",
                "");
    }

    static String serveHelp() {
        return String.join("\n",
                "Usage: " + SERVE_USAGE,
                "",
                wrap("Runs the embedded Glance v2 compatible image service in the foreground. Once it accepts"
                        + " connections it prints exactly one line on stdout:", ""),
                "  glaze image service listening on http://HOST:PORT",
                wrap("Warnings go to stderr. Ctrl-C or SIGTERM stops it: running requests get a second to finish,"
                        + " and the exit code is 130 (Ctrl-C) or 143 (SIGTERM), as for any JVM. Images and"
                        + " their data stay in the data folder; an upload cut off by a crash is undone at the"
                        + " next start. One data folder serves one glaze at a time.", ""),
                "",
                "Options:",
                describe(serve()),
                "",
                wrap(EXIT_CODES, ""),
                "");
    }


    /** Two columns: the option with its argument, then its description wrapped under itself. */
    private static String describe(Options options) {
        List<String> names = new ArrayList<>();
        int width = 0;
        for (Option o : options.getOptions()) {
            String name = (o.getOpt() != null ? "-" + o.getOpt() + ", " : "    ") + "--" + o.getLongOpt()
                    + (o.hasArg() ? " " + o.getArgName() : "");
            names.add(name);
            width = Math.max(width, name.length());
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Option o : options.getOptions()) {
            String left = "  " + names.get(i++);
            String indent = " ".repeat(width + 5);
            String text = wrap(o.getDescription(), indent);
            sb.append(left).append(" ".repeat(width + 5 - left.length())).append(text.substring(indent.length()))
                    .append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    /** Wraps {@code text} at word boundaries; every line starts with {@code indent}. */
    private static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).toString();
    }
}
