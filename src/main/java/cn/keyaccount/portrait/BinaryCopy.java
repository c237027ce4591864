package cn.keyaccount.portrait;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows of one table in PostgreSQL's binary COPY format, sent with one {@code COPY ... FROM STDIN (FORMAT binary)}
 * every few megabytes and at {@link #finish()}: how a run's 20,000 customers × (8 shapes of 96 points, 10 figures,
 * tags) are written. No text to format or parse (a batched insert sends each real[] as text for the server to parse)
 * and no boxing. The values must match the columns' types exactly (bigint, int, real, double precision, text,
 * bytea, real[]): binary COPY does not convert. Use in try-with-resources and call {@link #finish()} at the end.
 */
final class BinaryCopy implements AutoCloseable {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    private static final int FLUSH_AT = 4 << 20;
    /** The type oid of real. */
    private static final int FLOAT4_OID = 700;

    private final CopyIn copy;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final DataOutputStream out = new DataOutputStream(bytes);
    private long rows;

    /** {@code table} is the table and its column list, as in {@code portrait_tag (customer_id, code)}. */
    BinaryCopy(Connection c, String table) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table
                + " from stdin with (format binary)");
        bytes.writeBytes(HEADER);
    }

    /** Starts a row of this many values. */
    BinaryCopy row(int values) throws SQLException {
        if (bytes.size() >= FLUSH_AT) {
            flush();
        }
        rows++;
        return write(() -> out.writeShort(values));
    }

    BinaryCopy int8(long v) throws SQLException {
        return write(() -> {
            out.writeInt(8);
            out.writeLong(v);
        });
    }

    BinaryCopy int4(int v) throws SQLException {
        return write(() -> {
            out.writeInt(4);
            out.writeInt(v);
        });
    }

    BinaryCopy float4(float v) throws SQLException {
        return write(() -> {
            out.writeInt(4);
            out.writeFloat(v);
        });
    }

    BinaryCopy float8(double v) throws SQLException {
        return write(() -> {
            out.writeInt(8);
            out.writeDouble(v);
        });
    }

    BinaryCopy text(String v) throws SQLException {
        return bytea(v.getBytes(StandardCharsets.UTF_8));
    }

    BinaryCopy bytea(byte[] v) throws SQLException {
        return write(() -> {
            out.writeInt(v.length);
            out.write(v);
        });
    }

    BinaryCopy nullValue() throws SQLException {
        return write(() -> out.writeInt(-1));
    }

    /** A one-dimensional real[] without NULL elements (NaN is a value). */
    BinaryCopy float4Array(float[] v) throws SQLException {
        return write(() -> {
            out.writeInt(20 + 8 * v.length);
            out.writeInt(1); // dimensions
            out.writeInt(0); // no NULL elements
            out.writeInt(FLOAT4_OID);
            out.writeInt(v.length);
            out.writeInt(1); // lower bound
            for (float f : v) {
                out.writeInt(4);
                out.writeFloat(f);
            }
        });
    }

    BinaryCopy float4Array(double[] v) throws SQLException {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return float4Array(f);
    }

    /** Sends what is left and ends the COPY; the rows written. */
    long finish() throws SQLException {
        write(() -> out.writeShort(-1));
        flush();
        copy.endCopy();
        return rows;
    }

    /** Cancels the COPY if it was not finished (an error on the way), so that the connection can go on. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copy.writeToCopy(bytes.toByteArray(), 0, bytes.size());
        bytes.reset();
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private BinaryCopy write(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return this;
    }
}
