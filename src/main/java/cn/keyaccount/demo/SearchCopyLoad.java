package cn.keyaccount.demo;

import cn.keyaccount.customer.CustomerSearchBuckets;
import cn.keyaccount.customer.CustomerSearchBuckets.Order;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * The search copy (V13) of a bulk-loaded demo company of more than two sort buckets, written once with its buckets
 * (V42) instead of being rewritten after ({@link CustomerSearchBuckets#assign} rewrote a million rows: a minute, and a
 * table twice its size for the index builds and autovacuum to read; BENCHMARKS.md, issue 17).
 * <p>
 * Its rows are made with the customers and kept in a temporary file meanwhile ({@link #rows()}; about 800 MB at a
 * million customers). Once the customers are stored, each sort order's ranks are read from the {@code customer}
 * table, which holds the same sort keys (copied once into a temporary table of the keys alone): the database sorts
 * them in its own collation, so none is assumed here. The rows are then copied from the file in the order of the list
 * by name, with their bucket numbers appended, and frozen: the generator emptied the table in the same transaction, so
 * PostgreSQL writes them visible to all, and vacuum has next to nothing left to do.
 */
final class SearchCopyLoad implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SearchCopyLoad.class);

    /** Bytes sent to PostgreSQL per write. */
    private static final int CHUNK = 1 << 20;

    private final Path file;
    private final OutputStream rows;

    private SearchCopyLoad(Path file) throws IOException {
        this.file = file;
        this.rows = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** Opens the temporary file for the rows. */
    static SearchCopyLoad open() throws SQLException {
        try {
            return new SearchCopyLoad(Files.createTempFile("demo-customer-search", ".copy"));
        } catch (IOException e) {
            throw new SQLException("could not create a temporary file for the demo search copy", e);
        }
    }

    /** Where the rows go meanwhile, in COPY's text format, the id first, one line per customer. */
    OutputStream rows() {
        return rows;
    }

    /**
     * Stores the rows in {@code table} (the table and its column list, as given to {@link CopyRows}) with each sort
     * order's bucket of {@code size} customers, and writes the bounds; {@code customerCount} customers with the ids
     * 1 to {@code customerCount}. The hints are not made here.
     */
    void store(Connection c, String table, int customerCount, int size, Phases phases) throws SQLException {
        try {
            rows.close();
        } catch (IOException e) {
            throw new SQLException("writing the demo search copy to a temporary file failed", e);
        }
        List<Order> orders = CustomerSearchBuckets.ORDERS;
        int[][] buckets = new int[orders.size()][customerCount];
        Map<Order, long[]> firstIds = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            // each order's sort in memory, over the sort keys alone (one read of the customers instead of seven)
            s.execute("set local work_mem = '256MB'");
            StringBuilder keys = new StringBuilder("create temp table demo_search_keys on commit drop as select id");
            for (Order o : orders) {
                keys.append(", ").append(o.keyColumn());
            }
            s.execute(keys.append(" from customer").toString());
        }
        // the ids in the order of the list by name, in which the rows are written
        int[] sequence = new int[customerCount];
        for (int k = 0; k < orders.size(); k++) {
            Order order = orders.get(k);
            firstIds.put(order, rank(c, order, buckets[k], size, "NAME".equals(order.sortBy()) ? sequence : null));
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop table demo_search_keys");
            s.execute("reset work_mem");
        }
        phases.done("search copy: sort buckets ranked");
        copy(c, table, buckets, sequence);
        phases.done("search copy stored with its buckets, frozen");
        CustomerSearchBuckets.writeBounds(c, firstIds);
    }

    /**
     * Fills {@code buckets} (by id - 1) in {@code order}, and {@code sequence} (if given) with the ids in that order;
     * returns the first id of each bucket after the first. The ids come sorted by {@code COPY … TO STDOUT}, a line
     * each.
     */
    private static long[] rank(Connection c, Order order, int[] buckets, int size, int[] sequence)
            throws SQLException {
        long[] first = new long[(buckets.length - 1) / size];
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select id from demo_search_keys "
                + "order by " + order.keyColumn() + ", id) to stdout");
        int position = 0;
        try {
            for (byte[] line; (line = out.readFromCopy()) != null; ) {
                long id = 0;
                for (byte b : line) {
                    if (b >= '0' && b <= '9') {
                        id = id * 10 + (b - '0');
                    }
                }
                if (id < 1 || id > buckets.length || position >= buckets.length) {
                    throw new SQLException("demo search copy: customer " + id + " is not one of the "
                            + buckets.length + " generated");
                }
                buckets[(int) id - 1] = position / size;
                if (sequence != null) {
                    sequence[position] = (int) id;
                }
                if (position > 0 && position % size == 0) {
                    first[position / size - 1] = id;
                }
                position++;
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        if (position != buckets.length) {
            throw new SQLException("demo search copy: " + position + " customers ranked, " + buckets.length
                    + " generated");
        }
        return first;
    }

    /**
     * Copies the file's lines in the order of {@code sequence} (by name: the rows of a name bucket then share heap
     * pages, and their entries in the word index lie together, so a page of the list by name reads a few pages instead
     * of one a row), each with its buckets appended, in one frozen COPY.
     */
    private void copy(Connection c, String table, int[][] buckets, int[] sequence) throws SQLException {
        StringBuilder columns = new StringBuilder(table.substring(0, table.lastIndexOf(')')));
        for (Order o : CustomerSearchBuckets.ORDERS) {
            columns.append(", ").append(o.bucketColumn());
        }
        int count = sequence.length;
        long[] starts = new long[count];
        int[] lengths = new int[count];
        index(starts, lengths);
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + columns + ") from stdin with (freeze)");
        try (FileChannel file = FileChannel.open(this.file, StandardOpenOption.READ)) {
            ByteBuffer line = ByteBuffer.allocate(1 << 16);
            // rows gathered up to a chunk, then sent
            byte[] out = new byte[CHUNK];
            int length = 0;
            for (int id : sequence) {
                int need = lengths[id - 1];
                if (need > line.capacity()) {
                    line = ByteBuffer.allocate(need);
                }
                line.clear().limit(need);
                while (line.hasRemaining()) {
                    if (file.read(line, starts[id - 1] + line.position()) < 0) {
                        throw new SQLException("demo search copy: the temporary file ended early");
                    }
                }
                // the row, a tab and up to eleven characters per bucket number, the newline
                int room = need + 12 * buckets.length + 1;
                if (length + room > out.length) {
                    in.writeToCopy(out, 0, length);
                    length = 0;
                    if (room > out.length) {
                        out = new byte[room];
                    }
                }
                System.arraycopy(line.array(), 0, out, length, need);
                length += need;
                for (int[] order : buckets) {
                    out[length++] = '\t';
                    byte[] digits = Integer.toString(order[id - 1]).getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(digits, 0, out, length, digits.length);
                    length += digits.length;
                }
                out[length++] = '\n';
            }
            in.writeToCopy(out, 0, length);
            in.endCopy();
        } catch (IOException e) {
            throw new SQLException("reading the demo search copy from its temporary file failed", e);
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** Where each customer's line lies in the file (its id first), without the newline. */
    private void index(long[] starts, int[] lengths) throws SQLException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(this.file), CHUNK)) {
            byte[] read = new byte[CHUNK];
            long offset = 0;
            long lineStart = 0;
            long id = 0;
            boolean inId = true;
            for (int n; (n = file.read(read)) > 0; ) {
                for (int i = 0; i < n; i++, offset++) {
                    byte b = read[i];
                    if (b == '\n') {
                        if (id < 1 || id > starts.length || lengths[(int) id - 1] != 0) {
                            throw new SQLException("demo search copy: a row of an unknown customer " + id);
                        }
                        starts[(int) id - 1] = lineStart;
                        lengths[(int) id - 1] = (int) (offset - lineStart);
                        lineStart = offset + 1;
                        id = 0;
                        inId = true;
                    } else if (inId) {
                        if (b == '\t') {
                            inId = false;
                        } else {
                            id = id * 10 + (b - '0');
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new SQLException("reading the demo search copy from its temporary file failed", e);
        }
        for (int k = 0; k < lengths.length; k++) {
            if (lengths[k] == 0) {
                throw new SQLException("demo search copy: no row for customer " + (k + 1));
            }
        }
    }

    /** Removes the temporary file. */
    @Override
    public void close() {
        try {
            rows.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the generation's own outcome is what the caller sees; the file left behind is said here
            LOG.warnf("Demo search copy: the temporary file %s could not be removed: %s", file, e.getMessage());
        }
    }
}
