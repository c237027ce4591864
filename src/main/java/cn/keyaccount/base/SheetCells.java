package cn.keyaccount.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.SAXException;

/**
 * The first sheet of an uploaded XLSX workbook, streamed row by row by a byte-level reader of the sheet's XML: the
 * bulk import's reader (readings: a million rows), where {@link SheetRows} (POI's SAX handler, a String per cell, a
 * {@code BigDecimal} and a {@code LocalDateTime} per date) spent about 6 µs a row. A row's cells stay bytes until the
 * import asks for a cell's text ({@link Cells#text}), which is then the text {@link SheetRows} gives for it (numbers
 * plainly, date cells through the import's own text, shared and inline strings, booleans and errors as POI writes
 * them: {@code SheetCellsTest} compares the two cell by cell); a date cell's time can be had as seconds without any
 * object ({@link Cells#dateSeconds}).
 * <p>
 * The same bounds as {@link SheetRows}, checked while the bytes arrive: rows, Excel's 32,767 characters a cell, the
 * unpacked sizes of the sheet, shared strings and styles, POI's inflate-ratio check (the package is opened by POI as
 * before), and in addition at most {@link #MAX_ROW_BYTES} of text in one row. A sheet that is no readable XML
 * (cut short, a DOCTYPE, not UTF-8, a shared string that does not exist, a bad cell reference) is an
 * {@link Unreadable} naming the sheet, the row and the column. The XML itself is read by {@link SheetXml}.
 * <p>
 * Over ~400 lines on purpose: {@link Cells} follows POI's sheet handler rule by rule (cell kinds, styles, dates,
 * shared strings, blanks), and the rules only make sense beside each other.
 */
public final class SheetCells {

    /** Ceiling on the text of one row (every cell's bytes): an honest row of readings holds less than 100 bytes. */
    static final int MAX_ROW_BYTES = 16 << 20;

    /** Called for each non-empty row with its 1-based row number; {@code cells} is valid only during the call. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int rowNo, Cells cells);
    }

    /** The sheet is no readable XLSX sheet: the message says what and where (sheet, row, column). */
    public static final class Unreadable extends IOException {
        private final int row;
        private final String column;

        Unreadable(String sheet, int row, String column, String what) {
            super("sheet '" + sheet + "'" + (row > 0 ? ", row " + row : "")
                    + (column == null || column.isEmpty() ? "" : ", column " + column) + ": " + what);
            this.row = row;
            this.column = column == null ? "" : column;
        }

        public int row() {
            return row;
        }

        public String column() {
            return column;
        }
    }

    private SheetCells() {
    }

    /**
     * Streams the first sheet of the workbook in {@code in} to {@code handler}; the upload is first copied to a
     * temporary file (deleted at the end), as {@link SheetRows#read(InputStream, int, Function, SheetRows.RowHandler)}
     * does.
     *
     * @throws SheetRows.Refused when the file passes a bound
     * @throws Unreadable        when the sheet is no readable XML (with sheet, row and column)
     * @throws IOException       when it is no readable XLSX file
     */
    public static void read(InputStream in, int maxRows, Function<LocalDateTime, String> dateText, RowHandler handler)
            throws IOException {
        Path file = Files.createTempFile("import-", ".xlsx");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            read(file, maxRows, dateText, handler);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** As {@link #read(InputStream, int, Function, RowHandler)}, for a file already on disk. */
    public static void read(Path file, int maxRows, Function<LocalDateTime, String> dateText, RowHandler handler)
            throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = SheetRows.styles(pkg);
            ReadOnlySharedStringsTable strings = SheetRows.sharedStrings(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = SheetRows.bounded(sheets.next(), SheetRows.MAX_SHEET_XML_BYTES)) {
                String name = sheets.getSheetName();
                Cells cells = new Cells(name, styles, strings, dateText);
                new SheetXml(sheet, name, maxRows, cells, handler).run();
            }
        } catch (Unreadable | SheetRows.Refused e) {
            throw e;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof Unreadable u) {
                throw u;
            }
            throw e;
        } catch (SAXException e) {
            if (SheetRows.zipBomb(e)) {
                throw new SheetRows.Refused("import.too-large", 0, "", 0);
            }
            throw new IOException("not a readable XLSX file: " + e.getMessage(), e);
        } catch (OpenXML4JException e) {
            throw new IOException("not a readable XLSX file", e);
        } catch (POIXMLException | OpenXML4JRuntimeException | IllegalArgumentException e) {
            if (SheetRows.zipBomb(e)) {
                throw new SheetRows.Refused("import.too-large", 0, "", 0);
            }
            throw new IOException("not a readable XLSX file", e);
        } catch (IOException e) {
            if (SheetRows.zipBomb(e)) {
                throw new SheetRows.Refused("import.too-large", 0, "", 0);
            }
            throw e;
        }
    }

    /** Cell kinds as the sheet's {@code t} attribute says. */
    static final byte EMPTY = 0;
    static final byte NUMBER = 1;
    static final byte SHARED = 2;
    static final byte INLINE = 3;
    static final byte FORMULA_TEXT = 4;
    static final byte BOOLEAN = 5;
    static final byte ERROR = 6;

    /** The cells of the current row, kept as their bytes; a cell's text is made when asked for. */
    public static final class Cells {
        private final String sheet;
        private final StylesTable styles;
        private final ReadOnlySharedStringsTable strings;
        /** The shared strings looked up so far, by index (the first 4 M indexes). */
        private String[] sharedText = new String[256];
        private final Function<LocalDateTime, String> dateText;
        /** Per style index: 0 not looked up, 1 no format (raw text), 2 a number format, 3 a date format. */
        private byte[] styleKind = new byte[16];
        final int defaultStyle;

        byte[] arena = new byte[4096];
        int used;
        private byte[] kind = new byte[8];
        private int[] start = new int[8];
        private int[] length = new int[8];
        private int[] style = new int[8];
        private String[] shared = new String[8];
        int size;
        private int rowNo;

        Cells(String sheet, StylesTable styles, ReadOnlySharedStringsTable strings,
              Function<LocalDateTime, String> dateText) {
            this.sheet = sheet;
            this.styles = styles;
            this.strings = strings;
            this.dateText = dateText;
            this.defaultStyle = styles != null && styles.getNumCellStyles() > 0 ? 0 : -1;
        }

        /** The number of columns up to the last cell of the row (its cells and the empty ones before them). */
        public int size() {
            return size;
        }

        /** The cell's text as {@link SheetRows} gives it; "" for an empty or missing cell. */
        public String text(int col) {
            if (col < 0 || col >= size) {
                return "";
            }
            int s = start[col];
            int n = length[col];
            return switch (kind[col]) {
                case EMPTY -> "";
                case SHARED -> shared[col];
                case INLINE -> inline(col);
                case BOOLEAN -> n > 0 && arena[s] == '0' ? "FALSE" : "TRUE";
                case ERROR -> "ERROR:" + utf8(col);
                default -> number(col);
            };
        }

        /**
         * The time of a date cell (a number in a date format) as seconds since 1970-01-01T00:00, rounded to the
         * second as POI rounds it, for the serial numbers of 1900-03-01 to 9999-12-31 written plainly; any other
         * cell gives {@link Long#MIN_VALUE} (then ask {@link #text}).
         */
        public long dateSeconds(int col) {
            if (col < 0 || col >= size || (kind[col] != NUMBER) || styleKind(style[col]) != 3) {
                return Long.MIN_VALUE;
            }
            int i = start[col];
            int end = i + length[col];
            long whole = 0;
            int digits = 0;
            while (i < end && arena[i] >= '0' && arena[i] <= '9' && digits < 8) {
                whole = whole * 10 + arena[i++] - '0';
                digits++;
            }
            if (digits == 0 || whole < 61 || whole >= 2_958_466) {
                return Long.MIN_VALUE;
            }
            long fraction = 0;
            long scale = 1;
            if (i < end && arena[i] == '.') {
                i++;
                int decimals = 0;
                while (i < end && arena[i] >= '0' && arena[i] <= '9') {
                    if (decimals < 18) {
                        fraction = fraction * 10 + arena[i] - '0';
                        scale *= 10;
                    }
                    decimals++;
                    i++;
                }
            }
            if (i != end) {
                return Long.MIN_VALUE;
            }
            double x = (double) fraction / scale * 86_400;
            double half = x - Math.floor(x);
            if (Math.abs(half - 0.5) < 1e-5) {
                // too close to half a second to round from the digits: POI's own way decides
                LocalDateTime t = DateUtil.getLocalDateTime(Double.parseDouble(utf8(col)), false, true);
                return t.toEpochSecond(ZoneOffset.UTC);
            }
            return (whole - 25_569) * 86_400 + (long) Math.floor(x + 0.5);
        }

        private String number(int col) {
            String raw = utf8(col);
            byte k = styleKind(style[col]);
            if (k == 1 || raw.isEmpty()) {
                return raw;
            }
            if (k == 2 && plainAlready(start[col], length[col])) {
                return raw;
            }
            double value;
            try {
                value = Double.parseDouble(raw.trim());
            } catch (NumberFormatException e) {
                return raw;
            }
            if (k == 3 && DateUtil.isValidExcelDate(value)) {
                return dateText.apply(DateUtil.getLocalDateTime(value, false, true));
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Double.toString(value);
            }
            return SheetRows.plain(value);
        }

        /**
         * Whether the digits are already what {@link SheetRows#plain} would write for their value: an optional
         * minus, no leading zero, an optional fraction not ending in 0, at most 15 significant digits (which a double
         * keeps exactly, so its shortest form is these digits).
         */
        private boolean plainAlready(int i, int n) {
            int end = i + n;
            boolean negative = i < end && arena[i] == '-';
            if (negative) {
                i++;
            }
            int first = i;
            int significant = 0;
            boolean nonZero = false;
            while (i < end && arena[i] >= '0' && arena[i] <= '9') {
                if (arena[i] != '0' || nonZero) {
                    significant++;
                    nonZero = true;
                }
                i++;
            }
            int intDigits = i - first;
            if (intDigits == 0 || (intDigits > 1 && arena[first] == '0')) {
                return false;
            }
            if (i < end) {
                if (arena[i] != '.' || i + 1 == end) {
                    return false;
                }
                i++;
                while (i < end && arena[i] >= '0' && arena[i] <= '9') {
                    if (arena[i] != '0' || nonZero) {
                        significant++;
                        nonZero = true;
                    }
                    i++;
                }
                if (i != end || arena[end - 1] == '0') {
                    return false;
                }
            }
            // "-0" is written 0
            return significant <= 15 && (nonZero || !negative);
        }

        private String inline(int col) {
            String s = utf8(col);
            return s.contains("_x") ? new XSSFRichTextString(s).toString() : s;
        }

        private String utf8(int col) {
            int s = start[col];
            int n = length[col];
            for (int i = s; i < s + n; i++) {
                if (arena[i] < 0) {
                    try {
                        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(arena, s, n)).toString();
                    } catch (CharacterCodingException e) {
                        throw new UncheckedIOException(new Unreadable(sheet, rowNo, column(col),
                                "the text is not UTF-8"));
                    }
                }
            }
            return new String(arena, s, n, StandardCharsets.ISO_8859_1);
        }

        /** Whether the cell's text is blank as {@link String#isBlank} says. */
        private boolean blank(int col) {
            return switch (kind[col]) {
                case EMPTY -> true;
                case SHARED -> shared[col].isBlank();
                case BOOLEAN, ERROR -> false;
                default -> {
                    int s = start[col];
                    for (int i = s; i < s + length[col]; i++) {
                        byte b = arena[i];
                        if (b < 0) {
                            yield text(col).isBlank();
                        }
                        if (!(b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F))) {
                            yield false;
                        }
                    }
                    yield kind[col] != NUMBER || text(col).isBlank();
                }
            };
        }

        /**
         * 1 no format (the raw text, as POI's handler passes it without a styles table), 2 a number format, 3 a date
         * format; by the style index, looked up once.
         */
        private byte styleKind(int idx) {
            if (idx < 0) {
                return 1;
            }
            if (idx >= styleKind.length) {
                if (idx >= 1 << 16) {
                    return lookUp(idx);
                }
                int n = Math.max(idx + 1, styleKind.length * 2);
                styleKind = Arrays.copyOf(styleKind, n);
            }
            if (styleKind[idx] == 0) {
                styleKind[idx] = lookUp(idx);
            }
            return styleKind[idx];
        }

        private byte lookUp(int idx) {
            XSSFCellStyle s = styles == null ? null : styles.getStyleAt(idx);
            if (s == null) {
                return 1;
            }
            short format = s.getDataFormat();
            String formatString = s.getDataFormatString();
            if (formatString == null) {
                formatString = BuiltinFormats.getBuiltinFormat(format);
            }
            if (formatString == null) {
                return 1;
            }
            return DateUtil.isADateFormat(format, formatString) ? (byte) 3 : (byte) 2;
        }

        static String column(int col) {
            return CellReference.convertNumToColString(col);
        }

        // ---- filled by the scanner ----

        void startRow(int row) {
            Arrays.fill(kind, 0, size, EMPTY);
            size = 0;
            used = 0;
            rowNo = row;
        }

        /** Room for {@code n} more bytes of cell text in this row. */
        void reserve(int n) {
            if (used + n > arena.length) {
                if (used + n > MAX_ROW_BYTES) {
                    throw new SheetRows.Refused("import.too-large", rowNo, "", MAX_ROW_BYTES >> 20);
                }
                arena = Arrays.copyOf(arena, Math.min(MAX_ROW_BYTES, Math.max(used + n, arena.length * 2)));
            }
        }

        void cell(int col, byte type, int from, int to, int styleIdx) throws Unreadable {
            if (col < 0 || col > 16_383) {
                throw new SheetRows.Refused("import.too-large", rowNo, "", 16_384);
            }
            if (col >= kind.length) {
                int n = Math.max(col + 1, kind.length * 2);
                kind = Arrays.copyOf(kind, n);
                start = Arrays.copyOf(start, n);
                length = Arrays.copyOf(length, n);
                style = Arrays.copyOf(style, n);
                shared = Arrays.copyOf(shared, n);
            }
            if (col >= size) {
                Arrays.fill(kind, size, col, EMPTY);
                size = col + 1;
            }
            if (type == SHARED) {
                int idx = sharedIndex(from, to, col);
                if (idx < 0) {
                    kind[col] = EMPTY;
                    return;
                }
                String text = shared(idx, col);
                if (text.length() > SheetRows.MAX_CELL_CHARS) {
                    throw new SheetRows.Refused("import.cell-too-long", rowNo, column(col), SheetRows.MAX_CELL_CHARS);
                }
                shared[col] = text;
                from = to;
            }
            kind[col] = type;
            start[col] = from;
            length[col] = to - from;
            // a formula's text result (t="str") is passed on as it is, whatever its style (as POI's handler does)
            style[col] = type == FORMULA_TEXT ? -1 : styleIdx;
        }

        private String shared(int idx, int col) throws Unreadable {
            if (idx < sharedText.length && sharedText[idx] != null) {
                return sharedText[idx];
            }
            String text;
            try {
                text = strings.getItemAt(idx).toString();
            } catch (IllegalStateException | IndexOutOfBoundsException e) {
                throw new Unreadable(sheet, rowNo, column(col), "shared string " + idx + " does not exist");
            }
            if (idx < 1 << 22) {
                if (idx >= sharedText.length) {
                    sharedText = Arrays.copyOf(sharedText, Math.max(idx + 1, sharedText.length * 2));
                }
                sharedText[idx] = text;
            }
            return text;
        }

        /** The shared string's index: -1 for none (an empty or unreadable index, as POI's handler skips it). */
        private int sharedIndex(int from, int to, int col) throws Unreadable {
            while (from < to && arena[from] <= ' ' && arena[from] >= 0) {
                from++;
            }
            while (to > from && arena[to - 1] <= ' ' && arena[to - 1] >= 0) {
                to--;
            }
            if (from == to || to - from > 9) {
                return -1;
            }
            int idx = 0;
            for (int i = from; i < to; i++) {
                if (arena[i] < '0' || arena[i] > '9') {
                    return -1;
                }
                idx = idx * 10 + arena[i] - '0';
            }
            return idx;
        }

        boolean anyText() {
            for (int c = 0; c < size; c++) {
                if (!blank(c)) {
                    return true;
                }
            }
            return false;
        }
    }
}
