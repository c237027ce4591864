package cn.keyaccount.outage;

import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The compliance dashboard as XLSX: sheet 1 the last twelve months of the unit, sheet 2 the chosen month's outages,
 * sheet 3 every affected customer of those outages with the class and time of its first warning. Shares are written
 * as numbers with a percent format, so that auditors can recompute them.
 */
@ApplicationScoped
public class ComplianceWorkbook {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int CUSTOMER_PAGE = 2_000;

    private final OutageCompliance compliance;
    private final OutageQueries outages;
    private final ZoneId zone;

    ComplianceWorkbook(OutageCompliance compliance, OutageQueries outages, OutageSettings settings) {
        this.compliance = compliance;
        this.outages = outages;
        this.zone = settings.zone();
    }

    /**
     * Writes the workbook to {@code out}, streamed: the figures are read first (each query in its own short
     * transaction), the affected customers page by page, and POI keeps only a window of rows in memory.
     */
    public void write(Viewer viewer, YearMonth month, Long unitId, Locale locale, OutputStream out) {
        write(viewer, month, unitId, locale, out, CUSTOMER_PAGE);
    }

    /** As {@link #write(Viewer, YearMonth, Long, Locale, OutputStream)}, {@code customerPage} customers a read. */
    void write(Viewer viewer, YearMonth month, Long unitId, Locale locale, OutputStream out, int customerPage) {
        List<ComplianceSummary> trend = compliance.months(viewer, month, 12, unitId);
        ComplianceSummary current = trend.getLast();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            Sheet months = wb.createSheet(Messages.get(locale, "outage.sheet.months"));
            header(months, bold, locale, "outage.compliance.month", "outage.compliance.outages",
                    "outage.compliance.affected", "outage.class.ON_TIME", "outage.class.BELOW_REGULATION",
                    "outage.class.LATE", "outage.class.AT_ONCE", "outage.compliance.not-warned",
                    "outage.compliance.on-time-share", "outage.compliance.late-share", "outage.compliance.messages",
                    "outage.compliance.delivered", "outage.compliance.failed", "outage.compliance.receipt-rate");
            int r = 1;
            for (ComplianceSummary s : trend) {
                Row row = months.createRow(r++);
                row.createCell(0).setCellValue(s.month());
                long[] v = {s.outages(), s.affected(), s.onTime(), s.belowRegulation(), s.late(), s.atOnce(),
                    s.notWarned()};
                for (int i = 0; i < v.length; i++) {
                    row.createCell(1 + i).setCellValue(v[i]);
                }
                share(row, 8, s.onTimeShare(), percent);
                share(row, 9, s.lateShare(), percent);
                row.createCell(10).setCellValue(s.messages());
                row.createCell(11).setCellValue(s.delivered());
                row.createCell(12).setCellValue(s.failed());
                share(row, 13, s.receiptRate(), percent);
            }
            Sheet list = wb.createSheet(Messages.get(locale, "outage.sheet.outages"));
            header(list, bold, locale, "outage.id", "outage.kind", "outage.status", "outage.title", "outage.starts-at",
                    "outage.compliance.affected", "outage.class.ON_TIME", "outage.class.BELOW_REGULATION",
                    "outage.class.LATE", "outage.class.AT_ONCE", "outage.compliance.not-warned",
                    "outage.compliance.messages", "outage.compliance.delivered", "outage.compliance.failed",
                    "outage.compliance.receipt-rate");
            r = 1;
            for (ComplianceOutage o : current.rows()) {
                Row row = list.createRow(r++);
                row.createCell(0).setCellValue(o.outageId());
                row.createCell(1).setCellValue(Messages.get(locale, "outage.kind." + o.kind()));
                row.createCell(2).setCellValue(Messages.get(locale, "outage.status." + o.status()));
                row.createCell(3).setCellValue(o.title());
                row.createCell(4).setCellValue(time(o.startsAt()));
                long[] v = {o.affected(), o.onTime(), o.belowRegulation(), o.late(), o.atOnce(), o.notWarned(),
                    o.messages(), o.delivered(), o.failed()};
                for (int i = 0; i < v.length; i++) {
                    row.createCell(5 + i).setCellValue(v[i]);
                }
                share(row, 14, o.receiptRate(), percent);
            }
            Sheet customers = wb.createSheet(Messages.get(locale, "outage.sheet.customers"));
            header(customers, bold, locale, "outage.id", "outage.account-no", "outage.customer", "outage.importance",
                    "outage.effect", "outage.lines-out", "outage.manager", "outage.warning-class",
                    "outage.first-warning-at", "outage.critical-loads");
            r = 1;
            for (ComplianceOutage o : current.rows()) {
                for (int offset = 0; ; offset += customerPage) {
                    List<AffectedRow> page = outages.affected(viewer, o.outageId(), null, offset, customerPage);
                    for (AffectedRow a : page) {
                        Row row = customers.createRow(r++);
                        row.createCell(0).setCellValue(o.outageId());
                        row.createCell(1).setCellValue(a.accountNo());
                        row.createCell(2).setCellValue(a.customerName());
                        row.createCell(3).setCellValue(Messages.get(locale, "customer.importance." + a.importance()));
                        row.createCell(4).setCellValue(Messages.get(locale, "outage.effect." + a.effect()));
                        row.createCell(5).setCellValue(a.linesOut());
                        row.createCell(6).setCellValue(a.managerName() == null ? "" : a.managerName());
                        row.createCell(7).setCellValue(a.warningClass() == null ? ""
                                : Messages.get(locale, "outage.class." + a.warningClass()));
                        row.createCell(8).setCellValue(time(a.firstWarningAt()));
                        row.createCell(9).setCellValue(String.join("；", a.criticalLoads()));
                    }
                    if (page.size() < customerPage) {
                        break;
                    }
                }
            }
            for (Sheet s : List.of(months, list, customers)) {
                for (int c = 0; c < 15; c++) {
                    s.setColumnWidth(c, 14 * 256);
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.atZoneSameInstant(zone));
    }

    private static void share(Row row, int column, Double value, CellStyle percent) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(percent);
        }
    }

    private static void header(Sheet sheet, CellStyle bold, Locale locale, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(Messages.get(locale, keys[i]));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }
}
