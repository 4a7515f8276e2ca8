package dev.glaze.shell.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The REPL's own commands: {@code :help}, {@code :exit}, {@code :format}, {@code :trace}, {@code :clouds}, {@code :use}, {@code :load}, {@code :plugins}. */
final class ReplCommands {
    static final String HELP = String.join("\n",
            "Type Groovy; the result is printed. Bound: images, tasks, containers, cloud, regions, clouds.",
            "  images                                      every image, as a table",
            "  images.find { it.name =~ /Ubuntu/ }         the first image whose name matches",
            "  images['web-gold']                          an image by id or by its one name",
            "  images.where(status: 'active')*.name        filtered on the server, then names",
            "  def t = images['web-gold'].export('exports'); t.await()   export, then wait (Ctrl-C stops waiting)",
            "  tasks.importImage(from: 'exports/x.vhd', name: 'copy').await(30.minutes)",
            "  containers.create('exports').upload('x.vhd', java.nio.file.Path.of('x.vhd'))",
            "Commands:",
            "  :help                  this text",
            "  :exit                  leave (Ctrl-D too)",
            "  :format table|json     how results are printed",
            "  :trace                 the stack trace of the last error",
            "  :clouds                the clouds of clouds.yaml, and the one in use",
            "  :use CLOUD [REGION]    switch cloud (local: the embedded image service)",
            "  :load FILE             run a Groovy file here; its variables, methods and imports stay",
            "  :plugins               the plugins, and which are active for this cloud",
            "Tab completes names, after a dot methods and properties, inside images[' image names. Ctrl-C cancels"
                    + " the line or the running evaluation (an await: the task goes on). Lines with passwords, API"
                    + " keys, tokens or secrets are left out of the history.");

    private final Repl repl;
    private final ReplSession session;
    private final GroovyEvaluator evaluator;
    private final PrintWriter out;

    ReplCommands(Repl repl, ReplSession session, GroovyEvaluator evaluator, PrintWriter out) {
        this.repl = repl;
        this.session = session;
        this.evaluator = evaluator;
        this.out = out;
    }

    String banner() {
        return "on " + session.description();
    }

    /**
     * A line about the journal's tasks of this cloud whose wait a Ctrl-C or a crash cut short, or null. The
     * journal is read first, so that a session without such tasks asks the cloud nothing.
     */
    String unfinishedTasks() {
        try {
            var tasks = session.cloud().tasks();
            if (tasks.getHistory().stream().allMatch(e -> e.isFinished())) {
                return null;
            }
            int n = tasks.getUnfinished().size();
            return n == 0 ? null : "glaze: " + n + (n == 1 ? " task" : " tasks") + " of this cloud left unawaited"
                    + " earlier: tasks.unfinished lists " + (n == 1 ? "it" : "them") + ", tasks.resumeAll() waits for "
                    + (n == 1 ? "it" : "them");
        } catch (RuntimeException e) {
            return null; // a hint only: a cloud that cannot be reached says so at the first real use
        }
    }

    /** Runs one {@code :command} line; false means leave the REPL. */
    boolean run(String line) {
        String[] words = line.strip().split("\\s+");
        String command = words[0];
        switch (command) {
            case ":help", ":h", ":?" -> out.println(HELP);
            case ":exit", ":quit", ":q" -> {
                return false;
            }
            case ":format" -> format(words);
            case ":trace" -> trace();
            case ":clouds" -> clouds();
            case ":use" -> use(words);
            case ":load" -> load(line.strip().substring(command.length()).strip());
            case ":plugins" -> out.print(PluginsTable.render(session.cloud()));
            default -> out.println("glaze: unknown command '" + command + "'; :help lists the commands");
        }
        return true;
    }

    private void format(String[] words) {
        if (words.length != 2 || !List.of("table", "json").contains(words[1])) {
            out.println("glaze: :format takes table or json; now " + (repl.renderer().isJson() ? "json" : "table"));
            return;
        }
        repl.setRenderer(repl.renderer().withJson(words[1].equals("json")));
    }

    private void trace() {
        Throwable last = repl.lastError();
        if (last == null) {
            out.println("no error yet");
        } else {
            last.printStackTrace(out);
        }
    }

    private void clouds() {
        List<String> names = session.cloudNames();
        out.println("clouds.yaml: " + (names.isEmpty() ? "none" : String.join(", ", names)));
        out.println("in use: " + session.description());
    }

    private void use(String[] words) {
        if (words.length < 2 || words.length > 3) {
            out.println("glaze: :use takes a cloud name and maybe a region, e.g. :use rackspace IAD");
            return;
        }
        try {
            session.use(words[1], words.length == 3 ? words[2] : null);
        } catch (Exception e) {
            repl.report(e);
            return;
        }
        evaluator.bindCloud(session.cloud(), session.cloudNames());
        out.println("using " + session.description());
    }

    private void load(String file) {
        if (file.isEmpty()) {
            out.println("glaze: :load takes a file name, e.g. :load setup.groovy");
            return;
        }
        Path path = Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
        String source;
        try {
            source = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            out.println("glaze: no file " + path);
            return;
        } catch (IOException e) {
            out.println("glaze: cannot read " + path + ": " + e.getMessage());
            return;
        }
        repl.evaluate(source, path.getFileName().toString());
    }
}
