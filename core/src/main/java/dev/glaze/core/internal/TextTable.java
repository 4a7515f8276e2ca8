package dev.glaze.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table for reports: a header, columns padded to their widest cell, two spaces between them. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** {@code rightAligned}: the indexes of columns (numbers, times) aligned to the right below the header. */
    public TextTable(List<String> header, int... rightAligned) {
        rows.add(header.toArray(String[]::new));
        this.rightAligned = new boolean[header.size()];
        Arrays.stream(rightAligned).forEach(i -> this.rightAligned[i] = true);
    }

    public TextTable row(String... cells) {
        if (cells.length != rightAligned.length) {
            throw new IllegalArgumentException("a row of " + rightAligned.length + " cells, not " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    /** The table, one line each, trailing blanks trimmed, each line ending with a newline. */
    @Override
    public String toString() {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                boolean right = rightAligned[i] && r > 0;
                line.append(right ? pad + row[i] : row[i] + pad);
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
