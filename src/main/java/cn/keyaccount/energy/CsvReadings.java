package cn.keyaccount.energy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Readings from a CSV export, streamed record by record. The encoding is detected from the first 64 KB: a UTF-8
 * byte-order mark or valid UTF-8 means UTF-8, anything else is read as GBK (GB18030, its superset). The header
 * names the columns (Chinese or English, see {@link Columns}).
 */
final class CsvReadings implements ReadingImporter.RowSource {

    private static final int SNIFF = 64 * 1024;
    static final Charset GBK = Charset.forName("GB18030");

    private final InputStream in;

    CsvReadings(InputStream in) {
        this.in = in;
    }

    static Charset detect(BufferedInputStream in) throws IOException {
        in.mark(SNIFF + 4);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        int end = head.length;
        if (end == SNIFF) {
            // do not judge a character cut off by the sniff window: drop up to three trailing bytes of it
            int back = 0;
            while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (end - back - 1 >= 0 && (head[end - back - 1] & 0x80) != 0) {
                back++;
            }
            end -= back;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GBK;
        }
    }

    @Override
    public void forEach(ReadingImporter.RowSink sink) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF + 16);
        Charset charset = detect(buffered);
        Tokens tokens = new Tokens(buffered, charset);
        Columns columns = null;
        while (tokens.next()) {
            if (columns == null) {
                columns = Columns.of(List.of(java.util.Arrays.copyOf(tokens.cells, tokens.count)));
                if (columns.missing() != null) {
                    sink.problem(ImportReport.Kind.MISSING_COLUMN, tokens.lineNo, columns.missing());
                    return;
                }
                continue;
            }
            sink.accept(columns.row(tokens.lineNo, tokens.cells, tokens.count));
        }
    }

    /**
     * The CSV records of a byte stream as commons-csv's {@code CSVFormat.DEFAULT} with empty lines ignored and cells
     * trimmed reads them (same cells, same line numbers: the line a record ends on; CsvReadingsTest compares the two),
     * but on bytes: the separators (comma, quote, CR, LF) are ASCII and never part of a multi-byte character in
     * UTF-8 or GB18030, so the bytes are split first and only a cell holding non-ASCII bytes is decoded with the
     * file's charset. About ten times commons-csv's speed on a metering export, which is almost all ASCII.
     */
    static final class Tokens {
        /** A record longer than this is refused (a file without line breaks, not a metering export). */
        static final int MAX_RECORD = 1 << 20;

        private final InputStream in;
        private final Charset charset;
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int lim;
        private boolean eof;
        private byte[] quoted = new byte[256];
        String[] cells = new String[8];
        int count;
        /** The line the current record ends on, counted from 1 (CR, LF and CRLF each end a line). */
        long lineNo;
        private long lines;

        Tokens(InputStream in, Charset charset) {
            this.in = in;
            this.charset = charset;
        }

        /** Reads the next record into {@link #cells}; false at the end of the input. */
        boolean next() throws IOException {
            while (true) {
                int r = parse();
                if (r > 0) {
                    return true;
                }
                if (r == 0) {
                    return false;
                }
                if (!fill()) {
                    // the input ended inside a record: parse once more knowing that no more bytes come
                    eof = true;
                    int last = parse();
                    if (last < 0) {
                        throw new IOException("(startline " + (lines + 1) + ") EOF reached before encapsulated token finished");
                    }
                    return last > 0;
                }
            }
        }

        /** Moves the unread bytes to the front and reads more; false when the input has ended. */
        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            if (lim == buf.length) {
                if (buf.length >= MAX_RECORD) {
                    throw new IOException("a row longer than " + MAX_RECORD + " bytes (line " + (lines + 1) + ")");
                }
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
                return false;
            }
            lim += n;
            return true;
        }

        /**
         * One record from pos: 1 when read (pos moves past it), 0 at the end of the input, -1 when the buffer holds
         * only part of it (nothing moves).
         */
        private int parse() throws IOException {
            int p = pos;
            long l = lines;
            // empty lines are skipped
            while (true) {
                if (p >= lim) {
                    if (eof) {
                        pos = p;
                        lines = l;
                        return 0;
                    }
                    return -1;
                }
                byte b = buf[p];
                if (b == '\n') {
                    p++;
                    l++;
                } else if (b == '\r') {
                    if (p + 1 >= lim && !eof) {
                        return -1;
                    }
                    p += p + 1 < lim && buf[p + 1] == '\n' ? 2 : 1;
                    l++;
                } else {
                    break;
                }
            }
            int n = 0;
            while (true) {
                String cell;
                if (buf[p] == '"') {
                    int q = p + 1;
                    int len = 0;
                    while (true) {
                        if (q >= lim) {
                            return eof ? -1 : -1;
                        }
                        byte b = buf[q];
                        if (b == '"') {
                            if (q + 1 >= lim && !eof) {
                                return -1;
                            }
                            if (q + 1 < lim && buf[q + 1] == '"') {
                                len = put(len, (byte) '"');
                                q += 2;
                                continue;
                            }
                            q++;
                            break;
                        }
                        if (b == '\n' || (b == '\r' && (q + 1 >= lim || buf[q + 1] != '\n'))) {
                            l++;
                        }
                        len = put(len, b);
                        q++;
                    }
                    // after the closing quote only blanks may come before the delimiter or the line's end
                    while (q < lim && buf[q] != ',' && buf[q] != '\n' && buf[q] != '\r') {
                        if (!Character.isWhitespace(buf[q])) {
                            throw new IOException("invalid char between encapsulated token and delimiter (line "
                                    + (l + 1) + ")");
                        }
                        q++;
                    }
                    if (q >= lim && !eof) {
                        return -1;
                    }
                    cell = decode(quoted, 0, len);
                    p = q;
                } else {
                    int q = p;
                    while (q < lim && buf[q] != ',' && buf[q] != '\n' && buf[q] != '\r') {
                        q++;
                    }
                    if (q >= lim && !eof) {
                        return -1;
                    }
                    cell = decode(buf, p, q - p);
                    p = q;
                }
                if (n == cells.length) {
                    cells = java.util.Arrays.copyOf(cells, n * 2);
                }
                cells[n++] = cell;
                if (p >= lim) {
                    // the last record without a line break
                    l++;
                    break;
                }
                byte b = buf[p];
                if (b == ',') {
                    p++;
                    if (p >= lim) {
                        if (!eof) {
                            return -1;
                        }
                        if (n == cells.length) {
                            cells = java.util.Arrays.copyOf(cells, n * 2);
                        }
                        cells[n++] = "";
                        l++;
                        break;
                    }
                    continue;
                }
                if (b == '\r') {
                    if (p + 1 >= lim && !eof) {
                        return -1;
                    }
                    p += p + 1 < lim && buf[p + 1] == '\n' ? 2 : 1;
                } else {
                    p++;
                }
                l++;
                break;
            }
            count = n;
            pos = p;
            lines = l;
            lineNo = l;
            return 1;
        }

        private int put(int len, byte b) {
            if (len == quoted.length) {
                quoted = java.util.Arrays.copyOf(quoted, len * 2);
            }
            quoted[len] = b;
            return len + 1;
        }

        /** A cell's bytes as text, trimmed as String.trim does; ASCII without a decoder. */
        private String decode(byte[] bytes, int from, int len) {
            int end = from + len;
            while (from < end && (bytes[from] & 0xff) <= ' ') {
                from++;
            }
            while (end > from && (bytes[end - 1] & 0xff) <= ' ') {
                end--;
            }
            for (int i = from; i < end; i++) {
                if (bytes[i] < 0) {
                    return new String(bytes, from, end - from, charset).trim();
                }
            }
            return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
        }
    }

    /** Which column holds what, found by the header's words. */
    record Columns(int meter, int time, int kwh, int kvarh) {

        private static final List<String> METER = List.of("meter", "表号", "电表", "表计", "计量点");
        private static final List<String> TIME = List.of("time", "时间", "时刻");
        private static final List<String> KVARH = List.of("kvarh", "无功");
        private static final List<String> KWH = List.of("kwh", "有功");

        static Columns of(List<String> header) {
            int meter = -1;
            int time = -1;
            int kwh = -1;
            int kvarh = -1;
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).toLowerCase(Locale.ROOT).replace("\uFEFF", "");
                if (meter < 0 && METER.stream().anyMatch(h::contains)) {
                    meter = i;
                } else if (time < 0 && TIME.stream().anyMatch(h::contains)) {
                    time = i;
                } else if (kvarh < 0 && KVARH.stream().anyMatch(h::contains)) {
                    kvarh = i;
                } else if (kwh < 0 && KWH.stream().anyMatch(h::contains)) {
                    kwh = i;
                }
            }
            return new Columns(meter, time, kwh, kvarh);
        }

        String missing() {
            if (meter < 0) {
                return "meter / 表号";
            }
            if (time < 0) {
                return "time / 时间";
            }
            return kwh < 0 ? "kWh / 有功" : null;
        }

        ReadingImporter.Row row(long rowNo, List<String> cells) {
            return new ReadingImporter.Row(rowNo, cell(cells, meter), cell(cells, time), cell(cells, kwh),
                    kvarh < 0 ? null : cell(cells, kvarh));
        }

        ReadingImporter.Row row(long rowNo, String[] cells, int count) {
            return new ReadingImporter.Row(rowNo, meter < count ? cells[meter] : "", time < count ? cells[time] : "",
                    kwh < count ? cells[kwh] : "", kvarh < 0 ? null : kvarh < count ? cells[kvarh] : "");
        }

        private static String cell(List<String> cells, int i) {
            return i < cells.size() ? cells.get(i) : "";
        }
    }
}
