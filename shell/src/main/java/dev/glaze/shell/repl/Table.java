package dev.glaze.shell.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: a header, rows, columns two spaces apart, fitted to a width by shortening one column (the
 * name) and marking the cut with an ellipsis.
 */
final class Table {
    static final String ELLIPSIS = "…";
    private static final int GAP = 2;
    private static final int MIN_SHRUNK = 8;

    private final List<String> header;
    private final int shrinkable;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param shrinkable the index of the column cut when the table is too wide, or -1 for none */
    Table(List<String> header, int shrinkable) {
        this.header = header;
        this.shrinkable = shrinkable;
    }

    void add(String... cells) {
        rows.add(List.of(cells));
    }

    /** Two columns without a header: names, then values (cut at the width). */
    static String twoColumns(List<List<String>> rows, int width) {
        Table t = new Table(null, 1);
        rows.forEach(r -> t.rows.add(r));
        return t.render(width);
    }

    String render(int width) {
        int n = header != null ? header.size() : rows.isEmpty() ? 0 : rows.get(0).size();
        int[] widths = new int[n];
        List<List<String>> all = new ArrayList<>();
        if (header != null) {
            all.add(header);
        }
        all.addAll(rows);
        for (List<String> row : all) {
            for (int c = 0; c < n; c++) {
                widths[c] = Math.max(widths[c], length(row.get(c)));
            }
        }
        int total = GAP * Math.max(0, n - 1);
        for (int w : widths) {
            total += w;
        }
        if (total > width && shrinkable >= 0 && shrinkable < n) {
            widths[shrinkable] = Math.max(Math.min(MIN_SHRUNK, widths[shrinkable]), widths[shrinkable] - (total - width));
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < n; c++) {
                String cell = fit(row.get(c), widths[c]);
                line.append(cell);
                if (c < n - 1) {
                    line.append(" ".repeat(widths[c] - length(cell) + GAP));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 1);
    }

    private static String fit(String text, int width) {
        String oneLine = text.replace('\n', ' ');
        if (length(oneLine) <= width) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, Math.max(0, width - 1))) + ELLIPSIS;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
