package dev.glaze.shell.testing

import java.util.concurrent.TimeUnit

/**
 * A detached tmux session of a fixed size running one command, typed into with send-keys and read with
 * capture-pane: a real terminal, as a user has it, for specs of the interactive shell.
 */
class Tmux implements Closeable {
    final String name

    private Tmux(String name) {
        this.name = name
    }

    static boolean available() {
        ['/usr/bin/tmux', '/usr/local/bin/tmux', '/bin/tmux'].any { new File(it).canExecute() }
    }

    /** Starts {@code command} (one shell command line) in a new 120x40 session with {@code env} set. */
    static Tmux start(String command, Map<String, String> env) {
        String name = 'glaze-spec-' + UUID.randomUUID().toString().take(8)
        List<String> args = ['tmux', 'new-session', '-d', '-s', name, '-x', '120', '-y', '40']
        env.each { k, v -> args += ['-e', "${k}=${v}".toString()] }
        args << command
        // the tmux server quits with its last session: a session started just as it quits is refused, once
        for (int attempt = 1; ; attempt++) {
            def p = new ProcessBuilder(args).redirectErrorStream(true).start()
            String out = p.inputStream.getText('UTF-8')
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                break
            }
            assert attempt < 3 && out.contains('server exited unexpectedly'): "${args.join(' ')}: ${out}"
            Thread.sleep(200)
        }
        new Tmux(name)
    }

    /** Types {@code text} literally, then presses Enter. */
    void line(String text) {
        run(['tmux', 'send-keys', '-t', name, '-l', text])
        run(['tmux', 'send-keys', '-t', name, 'Enter'])
    }

    /** Presses keys by tmux's names, e.g. {@code C-c}, {@code Tab}. */
    void keys(String... keys) {
        run(['tmux', 'send-keys', '-t', name] + (keys as List))
    }

    /** What the pane shows now (its visible part plus history), without trailing blank lines. */
    String screen() {
        run(['tmux', 'capture-pane', '-p', '-S', '-200', '-t', name]).replaceAll(/\n+$/, '')
    }

    /** As {@link #screen()}, with the colours and bold as escape codes ({@code capture-pane -e}). */
    String screenWithStyles() {
        run(['tmux', 'capture-pane', '-p', '-e', '-S', '-200', '-t', name]).replaceAll(/\n+$/, '')
    }

    boolean alive() {
        def p = new ProcessBuilder(['tmux', 'has-session', '-t', name]).redirectErrorStream(true).start()
        p.inputStream.text
        p.waitFor() == 0
    }

    /** Polls the screen until {@code condition} holds; fails with the screen after {@code seconds}. */
    String waitFor(int seconds, String what, Closure<Boolean> condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        String last = ''
        while (System.nanoTime() < end) {
            last = alive() ? screen() : last
            if (condition(last)) {
                return last
            }
            Thread.sleep(100)
        }
        throw new AssertionError("waited ${seconds} s for ${what}; the screen:\n${last}".toString())
    }

    private static String run(List<String> args) {
        def p = new ProcessBuilder(args).redirectErrorStream(true).start()
        String out = p.inputStream.getText('UTF-8')
        assert p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0: "${args.join(' ')}: ${out}"
        out
    }

    @Override
    void close() {
        new ProcessBuilder(['tmux', 'kill-session', '-t', name]).redirectErrorStream(true).start().waitFor()
    }
}
