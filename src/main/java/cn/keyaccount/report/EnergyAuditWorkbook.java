package cn.keyaccount.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The energy-audit report as a workbook: summary, months, time of use, load curves, power factor, basic-charge
 * modes, transformer, recommendations, data quality, and the interval data. Cell styles come from the template's
 * "styles" sheet (reports/templates/energy-audit.xlsx), chart colours from energy-audit.properties. The small
 * sheets and their native charts are built in memory; the interval sheet (35,040 rows a year) is written as XML
 * straight into the saved file ({@link IntervalRows}, through SXSSF's sheet injection) so that memory stays bounded
 * whatever the period.
 */
@ApplicationScoped
class EnergyAuditWorkbook {

    /** The template's sheet whose column B cells carry the styles named in column A; removed from the output. */
    static final String STYLES_SHEET = "styles";
    static final List<String> STYLE_NAMES = List.of("title", "subtitle", "header", "label", "text", "integer",
            "decimal", "money", "percent", "datetime");

    private final ReportTemplates templates;

    EnergyAuditWorkbook(ReportTemplates templates) {
        this.templates = templates;
    }

    public void write(ReportContent c, OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(templates.read(ReportTemplates.XLSX)))) {
            EnergyAuditSheets w = new EnergyAuditSheets(wb, c, templates.chartColours(),
                    templates.read(ReportTemplates.LOGO));
            w.all();
            try (IntervalWorkbook streaming = new IntervalWorkbook(wb)) {
                SXSSFSheet sheet = streaming.createSheet(c.t("report.sheet.intervals"));
                streaming.intervals(sheet, w.intervals(sheet));
                streaming.write(out);
                streaming.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves the workbook with the interval sheet's rows written straight into its zip entry ({@link IntervalRows})
     * instead of through SXSSF's row objects and temporary file; every other sheet is an ordinary XSSF sheet saved as
     * it is. No SXSSF row is ever made here, so the sheets get no temporary files either.
     */
    private static final class IntervalWorkbook extends SXSSFWorkbook {
        private SXSSFSheet intervals;
        private SheetRows rows;

        IntervalWorkbook(XSSFWorkbook wb) {
            super(wb);
        }

        void intervals(SXSSFSheet sheet, SheetRows sheetRows) {
            this.intervals = sheet;
            this.rows = sheetRows;
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new SheetDataWriter(java.io.Writer.nullWriter());
        }

        @Override
        protected ISheetInjector createSheetInjector(SXSSFSheet sheet) {
            return sheet == intervals ? rows::write : out -> { };
        }
    }

    /** What writes a sheet's rows into its part of the saved file. */
    @FunctionalInterface
    interface SheetRows {
        void write(OutputStream out) throws IOException;
    }
}
