package dev.glaze.shell.testing

import java.nio.file.Path
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/**
 * {@code glaze serve} as a real, separate JVM process, started from the test class path: what a user
 * runs, including signals. {@link #start} returns once the one stdout line has arrived.
 */
class ServeProcess implements Closeable {
    static final String LISTENING = 'glaze image service listening on '
    private static final String END = '\u0000end'

    final Process process
    final URI url
    final String firstLine
    private final LinkedBlockingQueue<String> stdout
    private final StringBuffer stderr

    private ServeProcess(Process process, LinkedBlockingQueue<String> stdout, StringBuffer stderr, String firstLine) {
        this.process = process
        this.stdout = stdout
        this.stderr = stderr
        this.firstLine = firstLine
        this.url = firstLine?.startsWith(LISTENING) ? URI.create(firstLine.substring(LISTENING.length())) : null
    }

    /** Starts {@code glaze serve --port 0 --data DIR ARGS}; fails with its stderr if no line comes in time. */
    static ServeProcess start(Path data, List<String> args = []) {
        def p = launch(['serve', '--port', '0', '--data', data.toString()] + args)
        def proc = waitForFirstLine(p.process, p.stdout, p.stderr)
        assert proc.url != null: "glaze serve did not start: first line ${proc.firstLine}, stderr: ${proc.stderr()}"
        proc
    }

    /** Runs {@code glaze ARGS} and returns the process with its first stdout line (or null) once known. */
    static ServeProcess run(List<String> args) {
        def p = launch(args)
        waitForFirstLine(p.process, p.stdout, p.stderr)
    }

    private static Map launch(List<String> args) {
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def cmd = [java, '-Xshare:auto', '-XX:TieredStopAtLevel=1', '-cp', System.getProperty('java.class.path'),
                   'dev.glaze.shell.Main'] + args
        def process = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File('/dev/null')))
                .start()
        def stdout = new LinkedBlockingQueue<String>()
        def stderr = new StringBuffer()
        Thread.startDaemon('serve-stdout') {
            process.inputStream.newReader('UTF-8').eachLine { stdout << it }
            stdout << END
        }
        Thread.startDaemon('serve-stderr') {
            process.errorStream.newReader('UTF-8').eachLine { stderr.append(it).append('\n') }
        }
        [process: process, stdout: stdout, stderr: stderr]
    }

    private static ServeProcess waitForFirstLine(Process process, LinkedBlockingQueue<String> stdout,
                                                 StringBuffer stderr) {
        String first = stdout.poll(60, TimeUnit.SECONDS)
        if (first == END) {
            stdout << END
            first = null
        }
        new ServeProcess(process, stdout, stderr, first)
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    int stop() {
        process.destroy()
        waitForExit()
    }

    /** SIGKILL (kill -9): no shutdown hook runs. */
    int kill() {
        process.destroyForcibly()
        waitForExit()
    }

    int waitForExit() {
        assert process.waitFor(30, TimeUnit.SECONDS): 'glaze did not exit within 30 s'
        process.exitValue()
    }

    /** Every stdout line after the first, once the process has ended. */
    List<String> laterStdoutLines() {
        assert !process.alive
        def lines = []
        for (String line = stdout.poll(10, TimeUnit.SECONDS); line != null && line != END;
             line = stdout.poll(10, TimeUnit.SECONDS)) {
            lines << line
        }
        lines
    }

    String stderr() {
        if (!process.alive) {
            // give the reader thread a moment to drain what the process wrote last
            sleep(200)
        }
        stderr.toString()
    }

    @Override
    void close() {
        if (process.alive) {
            process.destroyForcibly()
            process.waitFor(30, TimeUnit.SECONDS)
        }
    }
}
