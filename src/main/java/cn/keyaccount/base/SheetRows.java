package cn.keyaccount.base;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an uploaded XLSX workbook, streamed row by row as text through POI's event (SAX) API: no
 * workbook is ever built, so the heap an import needs does not grow with the sheet. Every import of the application
 * reads XLSX through here, with bounds that an honest file never meets and a crafted one cannot pass:
 * <ul>
 *   <li>at most {@code maxRows} non-empty rows (header included) and at most {@link #MAX_CELL_CHARS} characters
 *       in a cell (Excel's own limit), checked while the XML is parsed, before a row or cell is built;</li>
 *   <li>the sheet XML, the shared strings and the styles each have a ceiling on their unpacked size, and POI's
 *       ratio check ({@code ZipSecureFile}) stays on: a zip bomb is refused while it is being unpacked.</li>
 * </ul>
 * A refusal is a {@link Refused} naming the row and column where it happened and the limit passed. A number is
 * written plainly without trailing zeros (a 户号 typed as a number reads "3110000007", not "3.110000007E9"); a
 * date cell as the import says; a date-formatted cell holding no valid Excel date stays a number, which the
 * import's strict date check then refuses.
 */
public final class SheetRows {

    /** Excel's own limit on the characters in one cell. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** Excel's own limit on the rows of one sheet. */
    public static final int EXCEL_MAX_ROWS = 1_048_576;
    /** Excel's last column (XFD), 0-based: a reference beyond it is no honest cell. */
    private static final int MAX_COLUMN = 16_383;
    /** Ceiling on the unpacked sheet XML: 94 MB of honest XML hold about 250,000 bill rows. */
    static final long MAX_SHEET_XML_BYTES = 512L << 20;
    /** Ceiling on the unpacked shared-strings XML, which POI keeps in memory as strings. */
    static final long MAX_SHARED_STRINGS_BYTES = 32L << 20;
    /** Ceiling on the unpacked styles XML, which POI keeps in memory as a document. */
    static final long MAX_STYLES_BYTES = 8L << 20;

    /** Called for each non-empty row: its 1-based row number in the sheet and its cells as text ("" when empty). */
    @FunctionalInterface
    public interface RowHandler {
        void row(int rowNo, List<String> cells);
    }

    /**
     * The file passes a bound: {@code key} is a message key of the base bundle with the limit as its argument
     * ({@code import.too-many-rows}, {@code import.cell-too-long}, {@code import.too-large}); {@code row} and
     * {@code column} (Excel letters) say where, 0 and "" when the whole file is concerned.
     */
    public static final class Refused extends RuntimeException {
        private final String key;
        private final int row;
        private final String column;
        private final long limit;

        public Refused(String key, int row, String column, long limit) {
            super(key + " at row " + row + " column " + column + " (limit " + limit + ")", null, false, false);
            this.key = key;
            this.row = row;
            this.column = column;
            this.limit = limit;
        }

        public String key() {
            return key;
        }

        public int row() {
            return row;
        }

        public String column() {
            return column;
        }

        public long limit() {
            return limit;
        }
    }

    private SheetRows() {
    }

    /** Whether the bytes start like a zip archive (XLSX), as opposed to CSV text. */
    public static boolean isZip(byte[] head) {
        return head.length > 4 && head[0] == 'P' && head[1] == 'K';
    }

    /**
     * Streams the first sheet of the workbook in {@code in} to {@code handler}. The upload is first copied to a
     * temporary file (deleted at the end) because POI reads a package from a file part by part, where from a stream
     * it would unpack every part into memory.
     *
     * @throws Refused     when the file passes a bound (rows, cell size, unpacked size, zip bomb)
     * @throws IOException when it is no readable XLSX file
     */
    public static void read(InputStream in, int maxRows, Function<LocalDateTime, String> dateText,
                            RowHandler handler) throws IOException {
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
            StylesTable styles = styles(pkg);
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            Rows rows = new Rows(maxRows, handler);
            try (InputStream sheet = bounded(sheets.next(), MAX_SHEET_XML_BYTES)) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new CellBounds(styles, strings, rows, new PlainFormatter(dateText)));
                xml.parse(new InputSource(sheet));
            }
        } catch (SAXException e) {
            throw refusedIn(e);
        } catch (OpenXML4JException | ParserConfigurationException e) {
            throw new IOException("not a readable XLSX file", e);
        } catch (POIXMLException | OpenXML4JRuntimeException | IllegalArgumentException e) {
            if (zipBomb(e)) {
                throw new Refused("import.too-large", 0, "", 0);
            }
            throw new IOException("not a readable XLSX file", e);
        } catch (IOException e) {
            if (zipBomb(e)) {
                throw new Refused("import.too-large", 0, "", 0);
            }
            throw e;
        }
    }

    /** A refusal thrown inside the SAX parser arrives wrapped; anything else is an unreadable file. */
    private static IOException refusedIn(SAXException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused r) {
                throw r;
            }
        }
        if (zipBomb(e)) {
            throw new Refused("import.too-large", 0, "", 0);
        }
        return new IOException("not a readable XLSX file: " + e.getMessage(), e);
    }

    /** POI's ZipSecureFile says "Zip bomb detected!" (ratio) or names MAX_ENTRY_SIZE (unpacked size). */
    static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof Refused || m.contains("zip bomb") || m.contains("max_entry_size")
                    || m.contains("maxentrysize")) {
                return true;
            }
        }
        return false;
    }

    static StylesTable styles(OPCPackage pkg) throws IOException, InvalidFormatException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = bounded(parts.getFirst().getInputStream(), MAX_STYLES_BYTES)) {
            return new FormatsOnly(in);
        }
    }

    /**
     * The styles as the sheet reader needs them: only a cell style's number format, read once per style. POI's
     * sheet handler asks for the style of every cell, and {@link StylesTable} makes a new {@link XSSFCellStyle} each
     * time, whose format it then reads through XMLBeans: most of the time of reading a sheet of numbers.
     */
    private static final class FormatsOnly extends StylesTable {
        private XSSFCellStyle[] cache;
        private int count = -1;

        FormatsOnly(InputStream in) throws IOException {
            super(in);
        }

        @Override
        public int getNumCellStyles() {
            if (count < 0) {
                count = super.getNumCellStyles();
            }
            return count;
        }

        @Override
        public XSSFCellStyle getStyleAt(int idx) {
            if (idx < 0 || idx >= getNumCellStyles()) {
                return super.getStyleAt(idx);
            }
            if (cache == null) {
                cache = new XSSFCellStyle[getNumCellStyles()];
            }
            XSSFCellStyle style = cache[idx];
            if (style == null) {
                XSSFCellStyle full = super.getStyleAt(idx);
                if (full == null) {
                    return null;
                }
                style = new Format(idx, this, full.getDataFormat(), full.getDataFormatString());
                cache[idx] = style;
            }
            return style;
        }
    }

    /** A cell style that answers its number format from memory. */
    private static final class Format extends XSSFCellStyle {
        private final short format;
        private final String formatString;

        Format(int idx, StylesTable styles, short format, String formatString) {
            super(idx, -1, styles, null);
            this.format = format;
            this.formatString = formatString;
        }

        @Override
        public short getDataFormat() {
            return format;
        }

        @Override
        public String getDataFormatString() {
            return formatString;
        }
    }

    static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(InputStream.nullInputStream());
        }
        try (InputStream in = bounded(parts.getFirst().getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** Refuses a part that unpacks to more than its ceiling: counted on the bytes really read, not the header. */
    static InputStream bounded(InputStream in, long max) {
        return CountingStream.bounded(in, max, () -> new Refused("import.too-large", 0, "", max >> 20));
    }

    /**
     * POI's sheet handler, with the cell bound checked on the characters as they arrive: POI would otherwise gather
     * a cell of any size before handing it on.
     */
    private static final class CellBounds extends XSSFSheetXMLHandler {
        private final Rows rows;
        private String cellRef = "";
        private boolean inCell;
        private int chars;

        CellBounds(StylesTable styles, ReadOnlySharedStringsTable strings, Rows rows, DataFormatter format) {
            super(styles, strings, rows, format, false);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName)) {
                String r = attributes.getValue("r");
                cellRef = r == null ? "" : r;
                chars = 0;
                inCell = true;
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("c".equals(localName)) {
                inCell = false;
            }
            super.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (!inCell) {
                // blanks between rows and cells: the sheet's unpacked-size ceiling and POI's ratio check bound them
                return;
            }
            chars += length;
            if (chars > MAX_CELL_CHARS) {
                throw new Refused("import.cell-too-long", rows.currentRow(), column(cellRef), MAX_CELL_CHARS);
            }
            super.characters(ch, start, length);
        }

        private static String column(String ref) {
            return ref.isEmpty() ? "" : CellReference.convertNumToColString(new CellReference(ref).getCol());
        }
    }

    /** Gathers one row's cells and hands on the non-empty rows, counting them against the bound. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private int rowNo;
        private int rows;

        Rows(int maxRows, RowHandler handler) {
            this.maxRows = maxRows;
            this.handler = handler;
        }

        int currentRow() {
            return rowNo;
        }

        @Override
        public void startRow(int rowNum) {
            rowNo = rowNum + 1;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (++rows > maxRows) {
                throw new Refused("import.too-many-rows", rowNo, "", maxRows);
            }
            handler.row(rowNo, Collections.unmodifiableList(cells));
        }

        /** The 0-based column of a cell reference such as "AB12"; anything unusual through POI's parser. */
        private static int column(String reference) {
            int col = 0;
            int i = 0;
            while (i < reference.length() && i < 4) {
                char ch = reference.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                col = col * 26 + (ch - 'A' + 1);
                i++;
            }
            if (i == 0 || i == reference.length() || reference.charAt(i) < '1' || reference.charAt(i) > '9') {
                return new CellReference(reference).getCol();
            }
            return col - 1;
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int col = reference == null ? cells.size() : column(reference);
            if (col < 0 || col > MAX_COLUMN) {
                throw new Refused("import.too-large", rowNo, "", MAX_COLUMN + 1);
            }
            while (cells.size() < col) {
                cells.add("");
            }
            String text = formattedValue == null ? "" : formattedValue;
            if (text.length() > MAX_CELL_CHARS) {
                throw new Refused("import.cell-too-long", rowNo, CellReference.convertNumToColString(col),
                        MAX_CELL_CHARS);
            }
            if (cells.size() == col) {
                cells.add(text);
            } else {
                cells.set(col, text);
            }
        }
    }

    /**
     * A number plainly, as {@code BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()} writes it: whole
     * numbers and the shortest decimal form without an exponent directly, the rest through BigDecimal.
     */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = Double.toString(value);
        if (text.indexOf('E') < 0) {
            return text;
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Date cells through the import's own text, every other number plainly without grouping or rounding. */
    private static final class PlainFormatter extends DataFormatter {
        private final Function<LocalDateTime, String> dateText;
        /** Whether a format (by its index) is a date format: POI's check is a few regular expressions. */
        private final java.util.Map<Integer, Boolean> dateFormats = new java.util.HashMap<>();

        PlainFormatter(Function<LocalDateTime, String> dateText) {
            super(Locale.ROOT);
            this.dateText = dateText;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            Boolean date = dateFormats.get(formatIndex);
            if (date == null) {
                date = DateUtil.isADateFormat(formatIndex, formatString);
                if (dateFormats.size() < 10_000) {
                    dateFormats.put(formatIndex, date);
                }
            }
            if (date && DateUtil.isValidExcelDate(value)) {
                return dateText.apply(DateUtil.getLocalDateTime(value, false, true));
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Double.toString(value);
            }
            return plain(value);
        }
    }
}
