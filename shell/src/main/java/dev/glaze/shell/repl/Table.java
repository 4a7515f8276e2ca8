package dev.glaze.shell.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: a header, rows, columns two spaces apart, fitted to a width by shortening one column (the
 * name) and marking the cut with an ellipsis. With {@link Styles#ANSI} the header is bold and the status column
 * coloured; widths are always those of the visible text, and colour is added after fitting, so a cut never falls
 * inside a colour code.
 */
final class Table {
    static final String ELLIPSIS = "…";
    private static final int GAP = 2;
    private static final int MIN_SHRUNK = 8;

    private final List<String> header;
    private final int shrinkable;
    private final List<List<String>> rows = new ArrayList<>();
    private Styles styles = Styles.PLAIN;
    private int statusColumn = -1;

    /** @param shrinkable the index of the column cut when the table is too wide, or -1 for none */
    Table(List<String> header, int shrinkable) {
        this.header = header;
        this.shrinkable = shrinkable;
    }

    /** Colours the header and, for each row, the cell of {@code statusColumn} (-1: none). */
    Table styled(Styles styles, int statusColumn) {
        this.styles = styles;
        this.statusColumn = statusColumn;
        return this;
    }

    void add(String... cells) {
        rows.add(List.of(cells));
    }

    /** Two columns without a header: names, then values (cut at the width); a {@code status} row is coloured. */
    static String twoColumns(List<List<String>> rows, int width, Styles styles) {
        Table t = new Table(null, 1);
        t.styles = styles;
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
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            boolean isHeader = header != null && r == 0;
            StringBuilder line = new StringBuilder();
            int pad = 0;
            for (int c = 0; c < n; c++) {
                String cell = fit(row.get(c), widths[c]);
                if (!cell.isEmpty()) {
                    line.append(" ".repeat(pad)).append(style(isHeader, row, c, cell));
                    pad = 0;
                }
                pad += widths[c] - length(cell) + GAP;   // trailing blanks are never written
            }
            sb.append(line).append('\n');
        }
        return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 1);
    }

    private String style(boolean isHeader, List<String> row, int column, String cell) {
        if (isHeader) {
            return styles.bold(cell);
        }
        boolean status = column == statusColumn || header == null && column == 1 && row.get(0).equals("status");
        return status ? styles.status(cell) : cell;
    }

    private static String fit(String text, int width) {
        String oneLine = Styles.strip(text).replace('\n', ' ');
        if (length(oneLine) <= width) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, Math.max(0, width - 1))) + ELLIPSIS;
    }

    /** The visible length: code points, colour codes not counted. */
    static int length(String s) {
        String visible = Styles.strip(s);
        return visible.codePointCount(0, visible.length());
    }
}
