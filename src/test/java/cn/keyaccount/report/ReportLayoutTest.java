package cn.keyaccount.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.ImageUtils;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGridCol;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * How the energy-audit files print: every sheet A4 landscape one page wide, the 15-minute sheet limited to a print
 * area of its first day (a year of it is over a thousand pages), the logo in its own proportions; in the document the
 * monthly table's figures do not wrap and its columns fit the page.
 */
@QuarkusTest
class ReportLayoutTest {

    private static long customer;

    @Inject
    ReportService reports;
    @Inject
    ReportFixtures fixtures;
    @Inject
    UserService users;

    private ReportDetails yearReport() {
        if (customer == 0) {
            customer = fixtures.newCustomer();
            fixtures.importDays(customer, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31));
        }
        return reports.generate(admin(), customer, YearMonth.of(2014, 12), "zh", false, ReportService.Progress.NONE);
    }

    private Viewer admin() {
        return users.viewer("admin");
    }

    @Test
    void the_workbook_prints_each_sheet_one_page_wide_the_15_minute_sheet_only_its_first_day_and_the_logo_unsquashed()
            throws Exception {
        byte[] xlsx = reports.download(admin(), yearReport().id(), ReportFormat.XLSX).content();
        keep("layout-energy-audit.xlsx", xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet s = wb.getSheetAt(i);
                PrintSetup p = s.getPrintSetup();
                assertEquals(PrintSetup.A4_PAPERSIZE, p.getPaperSize(), s.getSheetName());
                assertTrue(p.getLandscape(), s.getSheetName() + " landscape");
                assertTrue(s.getFitToPage(), s.getSheetName() + " fitted to the page");
                assertEquals(1, p.getFitWidth(), s.getSheetName() + " one page wide");
                assertEquals(0, p.getFitHeight(), s.getSheetName() + " as many pages tall as it needs");
            }
            int intervals = wb.getSheetIndex("15分钟数据");
            String area = wb.getPrintArea(intervals);
            assertNotNull(area, "the 15-minute sheet has a print area");
            AreaReference printed = new AreaReference(area.substring(area.indexOf('!') + 1), wb.getSpreadsheetVersion());
            assertEquals(0, printed.getFirstCell().getRow());
            assertEquals(96, printed.getLastCell().getRow(), "the header and the first day's 96 quarter hours");
            assertTrue(wb.getSheetAt(intervals).getHeader().getCenter().contains("第一天"),
                    "the printed page says it holds only the first day");
            assertEquals(365 * 96, wb.getSheetAt(intervals).getLastRowNum(), "the sheet itself keeps the whole year");
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (i != intervals) {
                    assertEquals(null, wb.getPrintArea(i), "the other sheets print whole");
                }
            }

            XSSFSheet summary = wb.getSheet("摘要");
            List<XSSFShape> shapes = summary.getDrawingPatriarch().getShapes();
            XSSFPicture logo = (XSSFPicture) shapes.stream().filter(x -> x instanceof XSSFPicture).findFirst()
                    .orElseThrow();
            Dimension image = logo.getImageDimension();
            Dimension shown = ImageUtils.getDimensionFromAnchor(logo);
            double ratio = shown.getWidth() / shown.getHeight();
            assertEquals(image.getWidth() / image.getHeight(), ratio, 0.03,
                    "the logo keeps its proportions: shown " + shown + " of an image " + image);
            var extent = logo.getCTPicture().getSpPr().getXfrm().getExt();
            assertEquals(image.getWidth() / image.getHeight(), extent.getCx() / (double) extent.getCy(), 0.03,
                    "the picture's own extent too (LibreOffice sizes it by that)");
        }
    }

    @Test
    void the_documents_monthly_table_fits_the_page_and_its_figures_do_not_wrap() throws Exception {
        byte[] docx = reports.download(admin(), yearReport().id(), ReportFormat.DOCX).content();
        keep("layout-energy-audit.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable months = tableAfter(doc, "二、");
            assertEquals(STTblLayoutType.FIXED, months.getCTTbl().getTblPr().getTblLayout().getType(),
                    "fixed column widths");
            long width = 0;
            for (CTTblGridCol col : months.getCTTbl().getTblGrid().getGridColList()) {
                width += Long.parseLong(String.valueOf(col.getW()));
            }
            var page = doc.getDocument().getBody().getSectPr();
            long text = twips(page.getPgSz().getW()) - twips(page.getPgMar().getLeft())
                    - twips(page.getPgMar().getRight());
            assertTrue(width <= text, "the columns fit the page's text width " + text + ": " + width);
            for (XWPFTableRow row : months.getRows().subList(1, months.getNumberOfRows())) {
                for (XWPFTableCell cell : row.getTableCells().subList(1, row.getTableCells().size())) {
                    assertTrue(cell.getCTTc().getTcPr() != null && cell.getCTTc().getTcPr().isSetNoWrap(),
                            "a figure does not wrap: " + cell.getText());
                    int chars = cell.getText().length();
                    long room = Long.parseLong(String.valueOf(cell.getCTTc().getTcPr().getTcW().getW()));
                    // a digit of a broad sans-serif font is 0.62 em (DejaVu Sans: 0.636), the cell keeps 108 twips of
                    // margin each side
                    Double size = cell.getParagraphs().getFirst().getRuns().getFirst().getFontSizeAsDouble();
                    double em = 20 * (size == null ? 10 : size);
                    assertTrue(room >= chars * em * 0.62 + 216, "room for " + cell.getText() + ": " + room);
                }
            }
        }
    }

    private static long twips(Object measure) {
        return Long.parseLong(String.valueOf(measure));
    }

    private static XWPFTable tableAfter(XWPFDocument doc, String heading) {
        boolean in = false;
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p && "Heading1".equals(p.getStyle())) {
                in = p.getText().startsWith(heading);
            } else if (in && e instanceof XWPFTable t) {
                return t;
            }
        }
        throw new AssertionError("no table in chapter " + heading);
    }

    private static void keep(String name, byte[] content) throws java.io.IOException {
        Path dir = Path.of("target", "generated-documents");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content);
    }
}
