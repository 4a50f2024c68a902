package io.scatter.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a header row and left-aligned columns separated by two spaces. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    void add(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("a row needs " + rows.get(0).length + " cells, not " + cells.length);
        }
        rows.add(cells);
    }

    /** {@code text}, or a dash when there is none. */
    static String orDash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }

    String render() {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                line.append(column == 0 ? "" : "  ").append(row[column])
                        .append(" ".repeat(widths[column] - row[column].length()));
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
