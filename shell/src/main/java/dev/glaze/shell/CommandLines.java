package dev.glaze.shell;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/** Commons CLI parsing with glaze's rules: whole option names only, and one-line messages that say what to do. */
final class CommandLines {
    private CommandLines() {
    }

    /**
     * Parses {@code args} against {@code options}. With {@code stopAtCommand} parsing stops at the first
     * word that is not an option (the command), leaving it and everything after it in the argument list.
     */
    static CommandLine parse(Options options, String[] args, String helpCommand, boolean stopAtCommand)
            throws UsageException {
        // Partial matching would take --po for --port today and break when another --po... option arrives.
        // Commons CLI strips the quotes around a value by default, which turns -e '"hi"' into the Groovy hi.
        DefaultParser parser = DefaultParser.builder().setAllowPartialMatching(false)
                .setStripLeadingAndTrailingQuotes(false).get();
        try {
            return parser.parse(options, args, stopAtCommand);
        } catch (UnrecognizedOptionException e) {
            throw unknownOption(e.getOption(), helpCommand);
        } catch (MissingArgumentException e) {
            Option o = e.getOption();
            throw new UsageException(name(o) + " needs a value (" + name(o) + " " + o.getArgName() + "); see "
                    + helpCommand);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage() + "; see " + helpCommand);
        }
    }

    static CommandLine parse(Options options, String[] args, String helpCommand) throws UsageException {
        return parse(options, args, helpCommand, false);
    }

    static UsageException unknownOption(String option, String helpCommand) {
        return new UsageException("unknown option '" + option + "'; see " + helpCommand);
    }

    private static String name(Option o) {
        return o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt();
    }
}
