package dev.glaze.shell.testing

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** Runs an external command line tool (Debian's openstack and glance clients) with a clean environment. */
class Cli {
    final Path home

    /** @param home the HOME the tools see: their caches go there, not into the user's real home */
    Cli(Path home) {
        this.home = home
    }

    static boolean available(String tool) {
        ['/usr/bin', '/usr/local/bin', '/bin'].any { new File(it, tool).canExecute() }
    }

    /** Runs {@code command} with stdin from /dev/null; returns exit code, stdout and stderr. */
    Result run(List<String> command) {
        def pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File('/dev/null')))
        def env = pb.environment()
        // settings of a real cloud in the caller's environment must not leak into the test
        env.keySet().removeAll { it.startsWith('OS_') || it.toLowerCase().endsWith('_proxy') }
        env.HOME = home.toString()
        env.no_proxy = env.NO_PROXY = '127.0.0.1,localhost'
        def process = pb.start()
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def readers = [Thread.start { out << process.inputStream }, Thread.start { err << process.errorStream }]
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            assert false: "timed out: ${command.join(' ')}"
        }
        readers*.join()
        new Result(command, process.exitValue(), out.toString('UTF-8'), err.toString('UTF-8'))
    }

    static class Result {
        final List<String> command
        final int code
        final String out
        final String err

        Result(List<String> command, int code, String out, String err) {
            this.command = command
            this.code = code
            this.out = out
            this.err = err
        }

        @Override
        String toString() { "${command.join(' ')} -> exit ${code}\n--- stdout\n${out}--- stderr\n${err}" }
    }
}
