package cn.keyaccount.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one table, set like a batched insert's parameters and sent with one {@code COPY ... FROM STDIN} per batch
 * (text format): the demo generator's bulk load, several times faster than batched inserts at a million customers
 * (BENCHMARKS.md). Rows are buffered until {@link #executeBatch()}, because one connection runs one COPY at a time
 * and the generator interleaves the rows of several tables. Given a {@link CopyWriter}, a batch is handed to its thread
 * and sent while the generator goes on.
 */
final class CopyRows implements AutoCloseable {

    private final Connection connection;
    private static final String FREEZE = " with (freeze)";

    private String copy;
    private final Object[] values;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private final CopyWriter writer;
    /** Where the batches are written instead of being sent, when set (the search copy's rows: SearchCopyLoad). */
    private final OutputStream spill;
    private final String tableName;
    private int count;
    /** The last timestamp written and its text: the generator writes the same "now" into every row. */
    private Timestamp lastTimestamp;
    private String lastTimestampText;

    /** {@code table} is the table and its column list, as in {@code customer (id, name)}. */
    CopyRows(Connection connection, String table, int columns) {
        this(connection, table, columns, (CopyWriter) null);
    }

    /** As {@link #CopyRows(Connection, String, int)}, the batches sent by {@code writer} (null: at once). */
    CopyRows(Connection connection, String table, int columns, CopyWriter writer) {
        this(connection, table, columns, writer, null);
    }

    /** As {@link #CopyRows(Connection, String, int)}, the batches written to {@code spill} in COPY's text format. */
    CopyRows(Connection connection, String table, int columns, OutputStream spill) {
        this(connection, table, columns, null, spill);
    }

    private CopyRows(Connection connection, String table, int columns, CopyWriter writer, OutputStream spill) {
        this.connection = connection;
        this.copy = "copy " + table + " from stdin";
        this.values = new Object[columns];
        this.writer = writer;
        this.spill = spill;
        int paren = table.indexOf(' ');
        this.tableName = paren < 0 ? table : table.substring(0, paren);
    }

    /**
     * With {@code frozen}, the rows are copied frozen ({@code COPY … WITH (FREEZE)}): the table must have been created
     * or emptied in the same transaction. Returns this.
     */
    CopyRows frozen(boolean frozen) {
        if (frozen && !copy.endsWith(FREEZE)) {
            copy = copy + FREEZE;
        }
        return this;
    }

    void setLong(int column, long value) {
        values[column - 1] = value;
    }

    void setString(int column, String value) {
        values[column - 1] = value;
    }

    void setBigDecimal(int column, BigDecimal value) {
        values[column - 1] = value;
    }

    void setBoolean(int column, boolean value) {
        values[column - 1] = value;
    }

    void setTimestamp(int column, Timestamp value) {
        values[column - 1] = value;
    }

    /** A value of any of the kinds above, a {@link java.time.LocalTime}, a text array or null. */
    void setObject(int column, Object value) {
        values[column - 1] = value;
    }

    void addBatch() {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            append(values[i]);
        }
        rows.append('\n');
        Arrays.fill(values, null);
        count++;
    }

    private void append(Object value) {
        switch (value) {
            case null -> rows.append("\\N");
            case Boolean b -> rows.append(b ? 't' : 'f');
            case BigDecimal d -> rows.append(d.toPlainString());
            case Timestamp t -> {
                if (!t.equals(lastTimestamp)) {
                    lastTimestamp = (Timestamp) t.clone();
                    lastTimestampText = t.toInstant().toString();
                }
                rows.append(lastTimestampText);
            }
            case String[] array -> escaped(arrayLiteral(Arrays.asList(array)));
            case Collection<?> list -> escaped(arrayLiteral(list));
            default -> escaped(value.toString());
        }
    }

    /** A PostgreSQL array literal: every element quoted, quotes and backslashes escaped. */
    private static String arrayLiteral(Collection<?> elements) {
        StringBuilder literal = new StringBuilder("{");
        for (Object element : elements) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            String s = element.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    private void escaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(ch);
            }
        }
    }

    /** Sends the rows added since the last call in one COPY. */
    void executeBatch() throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (writer != null) {
            writer.send(copy, tableName, rows.toString(), count);
            rows.setLength(0);
            count = 0;
            return;
        }
        count = 0;
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        rows.setLength(0);
        if (spill != null) {
            try {
                spill.write(bytes);
            } catch (IOException e) {
                throw new SQLException("writing the rows of " + tableName + " to a temporary file failed", e);
            }
            return;
        }
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    @Override
    public void close() {
        if (!rows.isEmpty()) {
            throw new UncheckedIOException(new IOException("rows added but never sent: " + copy));
        }
    }
}
