package dev.glaze.emulator.api.listing;

import java.math.BigInteger;

/**
 * Python's string rules where Glance's answer depends on them: {@code str.strip()} and {@code int(str)}, which
 * accepts surrounding whitespace, a sign, any Unicode decimal digits, single underscores between digits and
 * numbers of any size ({@code limit=99999999999999999999} is simply clamped to the maximum).
 */
final class PythonText {
    private PythonText() {
    }

    /** Python's {@code str.isspace()} for one character. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0
                || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f
                || c == 0x205f || c == 0x3000;
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code int(s)}; throws {@link NumberFormatException} where Python raises ValueError. */
    static BigInteger parseInt(String s) {
        String t = strip(s);
        int i = 0;
        boolean negative = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            negative = t.charAt(0) == '-';
            i = 1;
        }
        if (i >= t.length()) {
            throw new NumberFormatException("invalid literal for int(): " + s);
        }
        StringBuilder digits = new StringBuilder(t.length());
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) {
                digits.append((char) ('0' + Character.digit(c, 10)));
            } else if (c == '_' && digits.length() > 0 && i + 1 < t.length()
                    && Character.isDigit(t.charAt(i + 1))) {
                continue; // a single underscore between digits, as in 1_000
            } else {
                throw new NumberFormatException("invalid literal for int(): " + s);
            }
        }
        BigInteger value = new BigInteger(digits.toString());
        return negative ? value.negate() : value;
    }
}
