package cn.keyaccount.servicerequest;

import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The dashboard as XLSX, streamed as every export of the suite: the figures first (one short transaction), then the
 * period's requests page by page ({@value #PAGE} a read, each in its own transaction), POI keeping only a window of
 * rows in memory; nothing is written to the client inside a transaction. Sheets: open by type and age, compliance,
 * repair times, satisfaction, the requests (the drill-down).
 */
@ApplicationScoped
public class RequestDashboardWorkbook {

    static final int PAGE = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RequestDashboard dashboard;
    private final ZoneId zone;

    RequestDashboardWorkbook(RequestDashboard dashboard, java.time.Clock clock) {
        this.dashboard = dashboard;
        this.zone = clock.getZone();
    }

    public void write(Viewer viewer, LocalDate from, LocalDate to, Locale locale, OutputStream out) {
        write(viewer, from, to, locale, out, PAGE);
    }

    void write(Viewer viewer, LocalDate from, LocalDate to, Locale locale, OutputStream out, int page) {
        DashboardDetails d = dashboard.summarise(viewer, from, to);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet open = wb.createSheet(t(locale, "request.dashboard.sheet.open"));
            header(open, bold, locale, "request.type", "request.dashboard.age.D0_1", "request.dashboard.age.D1_3",
                    "request.dashboard.age.D3_7", "request.dashboard.age.D7_PLUS", "request.overdue",
                    "request.dashboard.total");
            int r = 1;
            for (DashboardDetails.OpenByType o : d.open()) {
                Row row = open.createRow(r++);
                row.createCell(0).setCellValue(t(locale, "request.type." + o.type()));
                for (int i = 0; i < o.byAge().size(); i++) {
                    row.createCell(1 + i).setCellValue(o.byAge().get(i));
                }
                row.createCell(5).setCellValue(o.overdue());
                row.createCell(6).setCellValue(o.total());
            }
            Sheet compliance = wb.createSheet(t(locale, "request.dashboard.sheet.compliance"));
            header(compliance, bold, locale, "request.dashboard.by", "request.dashboard.group",
                    "request.dashboard.due", "request.dashboard.met", "request.dashboard.rate");
            r = 1;
            for (DashboardDetails.Compliance c : d.compliance()) {
                Row row = compliance.createRow(r++);
                row.createCell(0).setCellValue(t(locale, "request.dashboard.by." + c.by()));
                row.createCell(1).setCellValue(group(c, locale));
                row.createCell(2).setCellValue(c.due());
                row.createCell(3).setCellValue(c.met());
                number(row, 4, c.rate());
            }
            Sheet repairs = wb.createSheet(t(locale, "request.dashboard.sheet.repair"));
            header(repairs, bold, locale, "request.area", "request.dashboard.measure", "request.dashboard.count",
                    "request.dashboard.median", "request.dashboard.p90", "request.dashboard.commitment",
                    "request.dashboard.met");
            r = 1;
            for (DashboardDetails.RepairTimes t : d.repairs()) {
                Row row = repairs.createRow(r++);
                row.createCell(0).setCellValue(t(locale, "request.area." + t.area()));
                row.createCell(1).setCellValue(t(locale, "request.dashboard.measure." + t.measure()));
                row.createCell(2).setCellValue(t.count());
                number(row, 3, t.median());
                number(row, 4, t.p90());
                number(row, 5, t.commitment());
                row.createCell(6).setCellValue(t.met());
            }
            Sheet satisfaction = wb.createSheet(t(locale, "request.dashboard.sheet.satisfaction"));
            header(satisfaction, bold, locale, "request.type", "request.dashboard.visits",
                    "request.dashboard.average", "request.dashboard.dissatisfied");
            r = 1;
            for (DashboardDetails.Satisfaction s : d.satisfaction()) {
                Row row = satisfaction.createRow(r++);
                row.createCell(0).setCellValue(t(locale, "request.type." + s.type()));
                row.createCell(1).setCellValue(s.visits());
                number(row, 2, s.average());
                row.createCell(3).setCellValue(s.dissatisfied());
            }
            Sheet list = wb.createSheet(t(locale, "request.dashboard.sheet.requests"));
            header(list, bold, locale, "request.id", "request.dashboard.col.account-no", "request.customer",
                    "request.type", "request.kind", "request.status", "request.area", "request.subject",
                    "request.owner", "request.dashboard.by.UNIT", "request.opened-at",
                    "request.dashboard.col.responded", "request.closed-at", "request.dashboard.col.respond-due",
                    "request.dashboard.col.resolve-due");
            r = 1;
            long after = 0;
            for (List<Object[]> rows = dashboard.requestsPage(viewer, from, to, after, page); !rows.isEmpty();
                 rows = dashboard.requestsPage(viewer, from, to, after, page)) {
                for (Object[] x : rows) {
                    Row row = list.createRow(r++);
                    row.createCell(0).setCellValue(((Number) x[0]).longValue());
                    row.createCell(1).setCellValue((String) x[1]);
                    row.createCell(2).setCellValue((String) x[2]);
                    row.createCell(3).setCellValue(t(locale, "request.type." + x[3]));
                    row.createCell(4).setCellValue(x[4] == null ? "" : t(locale, "request.kind." + x[4]));
                    row.createCell(5).setCellValue(t(locale, "request.status." + x[5]));
                    row.createCell(6).setCellValue(t(locale, "request.area." + x[6]));
                    row.createCell(7).setCellValue((String) x[7]);
                    row.createCell(8).setCellValue(x[8] == null ? "" : (String) x[8]);
                    row.createCell(9).setCellValue((String) x[9]);
                    for (int i = 10; i <= 14; i++) {
                        row.createCell(i).setCellValue(time(x[i]));
                    }
                    after = ((Number) x[0]).longValue();
                }
            }
            wb.write(out);
            wb.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String group(DashboardDetails.Compliance c, Locale locale) {
        return switch (c.by()) {
            case TYPE -> t(locale, "request.type." + c.group());
            case MANAGER -> c.group().isEmpty() ? t(locale, "request.dashboard.no-manager") : c.group();
            case UNIT, MONTH -> c.group();
        };
    }

    private String time(Object value) {
        if (value == null) {
            return "";
        }
        OffsetDateTime at = value instanceof OffsetDateTime o ? o
                : value instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC)
                : OffsetDateTime.parse(value.toString());
        return TIME.format(at.atZoneSameInstant(zone));
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    private static void header(Sheet sheet, CellStyle bold, Locale locale, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(t(locale, keys[i]));
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static String t(Locale locale, String key) {
        return Messages.get(locale, key);
    }
}
