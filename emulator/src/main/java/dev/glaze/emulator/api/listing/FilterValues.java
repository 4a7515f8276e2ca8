package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.http.HttpError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Glance reads a filter value that may carry an operator ({@code gt:2016-04-18T21:38:54Z},
 * {@code in:"a,b",c}): {@code glance.common.utils.split_filter_op}, {@code validate_quotes} and
 * {@code split_filter_value_for_quotes}, with their messages.
 */
final class FilterValues {
    /** An operator and what it applies to. */
    record Operation(String operator, String operand) {
    }

    /** One item of an {@code in:} list: a quoted value (backslash escapes kept as sent), or a run of non-commas. */
    private static final Pattern IN_ITEM = Pattern.compile("\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\",?|([^,]+),?|,");

    private FilterValues() {
    }

    /**
     * Splits {@code op:operand} at the first colon; a value without a colon, or one that is itself an ISO 8601 time
     * (whose colons are not an operator), is {@code eq}.
     */
    static Operation split(String expression) {
        int colon = expression.indexOf(':');
        if (colon < 0 || IsoTime.parses(expression)) {
            return new Operation("eq", expression);
        }
        return new Operation(expression.substring(0, colon), expression.substring(colon + 1));
    }

    /** The items of an {@code in:} list; 400 with Glance's message when its quotes are malformed. */
    static List<String> inList(String value) {
        validateQuotes(value);
        List<String> items = new ArrayList<>();
        Matcher m = IN_ITEM.matcher(value);
        while (m.find()) {
            String quoted = m.group(1);
            String bare = m.group(2);
            items.add(quoted != null && !quoted.isEmpty() ? quoted : bare == null ? "" : bare);
        }
        return items;
    }

    private static void validateQuotes(String value) {
        boolean opening = true;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '"') {
                continue;
            }
            if (i > 0 && value.charAt(i - 1) == '\\') {
                continue;
            }
            if (opening) {
                if (i > 0 && value.charAt(i - 1) != ',') {
                    throw HttpError.badRequest("Invalid filter value " + value
                            + ". There is no comma before opening quotation mark.");
                }
            } else if (i + 1 != value.length() && value.charAt(i + 1) != ',') {
                throw HttpError.badRequest("Invalid filter value " + value
                        + ". There is no comma after closing quotation mark.");
            }
            opening = !opening;
        }
        if (!opening) {
            throw HttpError.badRequest("Invalid filter value " + value + ". The quote is not closed.");
        }
    }
}
