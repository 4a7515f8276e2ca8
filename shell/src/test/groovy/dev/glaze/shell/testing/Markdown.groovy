package dev.glaze.shell.testing

import java.nio.file.Files
import java.nio.file.Path

/** The fenced blocks of a Markdown page, for specs that run what the docs show. */
class Markdown {
    /** Each block: {@code info} (what follows the opening fence, e.g. "groovy not-run"), {@code line} (its first), {@code text}. */
    static List<Map> blocks(Path page) {
        List<Map> out = []
        Map current = null
        Files.readAllLines(page).eachWithIndex { String line, int i ->
            if (current == null && line.startsWith('```')) {
                current = [info: line.substring(3).trim(), line: i + 2, text: new StringBuilder()]
            } else if (current != null && line.startsWith('```')) {
                out << current
                current = null
            } else if (current != null) {
                current.text << line << '\n'
            }
        }
        out
    }

    /** The page's blocks of {@code info} joined into one script, each after a comment naming its line. */
    static String script(Path page, String info = 'groovy') {
        blocks(page).findAll { it.info == info }.collect { "// ${page.fileName} line ${it.line}\n${it.text}" }.join('\n')
    }
}
