package dev.glaze.shell.repl;

import groovyjarjarantlr4.v4.runtime.CharStreams;
import groovyjarjarantlr4.v4.runtime.Token;
import java.util.Set;
import org.apache.groovy.parser.antlr4.GroovyLangLexer;
import org.apache.groovy.parser.antlr4.GroovyLexer;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when a line of Groovy is not finished, so Enter shows the continuation prompt instead of running half
 * a closure: open brackets, an unterminated string, or a trailing operator. It uses Groovy's own lexer, so quotes in
 * comments, slashy strings and {@code "${...}"} count as Groovy counts them. Words for completion run over dots
 * ({@code images.fi} is one word).
 */
public final class GroovyInputParser extends DefaultParser {
    /** Tokens after which the expression must go on. */
    private static final Set<Integer> CONTINUING = Set.of(GroovyLexer.ASSIGN, GroovyLexer.DOT, GroovyLexer.COMMA,
            GroovyLexer.ADD, GroovyLexer.SUB, GroovyLexer.MUL, GroovyLexer.DIV, GroovyLexer.AND, GroovyLexer.OR,
            GroovyLexer.ARROW, GroovyLexer.SAFE_DOT, GroovyLexer.SPREAD_DOT);

    public GroovyInputParser() {
        // Groovy's quotes and backslashes are the lexer's business, not a shell's
        quoteChars(new char[0]);
        escapeChars(new char[0]);
        setEofOnUnclosedQuote(false);
        setEofOnEscapedNewLine(false);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.startsWith(":") && isIncomplete(line)) {
            throw new EOFError(-1, -1, "incomplete Groovy input", "more");
        }
        return super.parse(line, cursor, context);
    }

    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
        char c = buffer.charAt(pos);
        return !(Character.isJavaIdentifierPart(c) || c == '.');
    }

    /** True when {@code source} needs more lines to be a whole Groovy statement. */
    public static boolean isIncomplete(String source) {
        if (source.isBlank()) {
            return false;
        }
        int depth = 0;
        Token last = null;
        try {
            GroovyLangLexer lexer = new GroovyLangLexer(CharStreams.fromString(source));
            lexer.removeErrorListeners();
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == GroovyLexer.NL) {
                    continue;
                }
                switch (t.getType()) {
                    case GroovyLexer.LPAREN, GroovyLexer.LBRACK, GroovyLexer.LBRACE, GroovyLexer.SAFE_INDEX -> depth++;
                    case GroovyLexer.RPAREN, GroovyLexer.RBRACK, GroovyLexer.RBRACE -> depth--;
                    default -> { }
                }
                last = t;
            }
        } catch (AssertionError | RuntimeException e) {
            // the lexer stops at an unterminated string; two blank lines after it hand the text to the compiler,
            // which names the real error, so a stray character never traps the prompt
            return !source.endsWith("\n\n");
        }
        if (depth > 0) {
            return true;
        }
        return last != null && (CONTINUING.contains(last.getType()) || source.stripTrailing().endsWith("\\"));
    }
}
