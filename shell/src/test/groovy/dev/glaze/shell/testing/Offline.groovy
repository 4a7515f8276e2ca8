package dev.glaze.shell.testing

import dev.glaze.shell.Main

import java.nio.file.Files
import java.nio.file.Path

/**
 * Runs glaze in-process as a user runs it offline, `glaze --local --data DIR --regions DFW,ORD,IAD ARGS`, with an
 * empty clouds.yaml, tasks that do not pause, and the script cache and task journal in {@code dir}: the embedded
 * service keeps its images in {@code dir} between runs.
 */
class Offline {
    static Map run(Path dir, List<String> args) {
        Path yaml = dir.resolve('clouds.yaml')
        if (!Files.exists(yaml)) {
            Files.writeString(yaml, 'clouds: {}\n')
        }
        def env = [OS_CLIENT_CONFIG_FILE: yaml.toString(), GLAZE_SCRIPT_CACHE: dir.resolve('cache').toString(),
                   GLAZE_TASK_DELAY: '0s', GLAZE_TASK_JOURNAL: dir.resolve('tasks.jsonl').toString()]
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int code = Main.run((['--local', '--data', dir.resolve('data').toString(), '--regions', 'DFW,ORD,IAD'] + args)
                as String[], new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), env)
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }
}
