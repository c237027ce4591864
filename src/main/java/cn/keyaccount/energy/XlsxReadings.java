package cn.keyaccount.energy;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Readings from the first sheet of an XLSX export through POI's streaming (SAX) reader: rows are handed on as the
 * sheet's XML is parsed, never held as a workbook. Date cells are passed on as ISO timestamps.
 */
final class XlsxReadings implements ReadingImporter.RowSource {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final InputStream in;

    XlsxReadings(InputStream in) {
        this.in = in;
    }

    /** Formats date cells as ISO timestamps and every other number without grouping or rounding. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return ISO.format(DateUtil.getLocalDateTime(value, false, true));
            }
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }

    @Override
    public void forEach(ReadingImporter.RowSink sink) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                sink.problem(ImportReport.Kind.MISSING_COLUMN, 1, "no sheet");
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Handler(sink),
                        new PlainFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException("not a readable XLSX file", e);
        } catch (StopParsing stop) {
            // a missing column was reported
        }
    }

    private static final class StopParsing extends RuntimeException {
        StopParsing() {
            super(null, null, false, false);
        }
    }

    private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final ReadingImporter.RowSink sink;
        private final List<String> cells = new ArrayList<>();
        private CsvReadings.Columns columns;
        private long rowNo;

        Handler(ReadingImporter.RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            rowNo = rowNum + 1L;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (columns == null) {
                columns = CsvReadings.Columns.of(cells.stream().map(c -> c == null ? "" : c).toList());
                if (columns.missing() != null) {
                    sink.problem(ImportReport.Kind.MISSING_COLUMN, rowNo, columns.missing());
                    throw new StopParsing();
                }
                return;
            }
            sink.accept(columns.row(rowNo, cells.stream().map(c -> c == null ? "" : c).toList()));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int col = new CellReference(reference).getCol();
            while (cells.size() <= col) {
                cells.add(null);
            }
            cells.set(col, formattedValue);
        }
    }
}
