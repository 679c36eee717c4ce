package org.nianbao.search.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV that Excel opens correctly with Chinese text (UTF-8 byte-order mark first), and neutralises
 * cells that a spreadsheet would otherwise run as formulas.
 */
public final class CsvWriter {

    private final Writer out;
    private final int columns;
    private long rows;

    /** Writes the byte-order mark and the header line. */
    public CsvWriter(Writer out, List<String> header) {
        this.out = out;
        this.columns = header.size();
        write("\uFEFF");
        writeLine(header);
    }

    /** One data row; null is an empty cell. */
    public void row(List<String> values) {
        if (values.size() != columns) {
            throw new IllegalArgumentException("row has " + values.size() + " values, header has " + columns);
        }
        writeLine(values);
        rows++;
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        } else if (safe.startsWith("-") && !safe.matches("-[0-9.]+")) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private void writeLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(escape(values.get(i)));
        }
        line.append("\r\n");
        write(line.toString());
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
