package cn.keyaccount.visit;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Visit records of a period as an Excel workbook: one sheet of visits (planned in the period, not cancelled) with
 * their records, one of their follow-up tasks. Column titles in Chinese then English, as the customer export does.
 */
@ApplicationScoped
public class VisitExcel {

    static final int CHUNK = 1000;
    static final int MAX_DAYS = 400;

    private record Column<T>(String title, Function<T, Object> value) {
    }

    private static final List<Column<VisitDetails>> VISITS = List.of(
            new Column<>("户号 Account no", d -> d.visit().accountNo()),
            new Column<>("客户名称 Customer", d -> d.visit().customerName()),
            new Column<>("客户经理 Manager", d -> d.visit().managerName()),
            new Column<>("走访类型 Type", d -> both("visit.type." + d.visit().type())),
            new Column<>("计划日期 Planned", d -> d.visit().plannedDate()),
            new Column<>("状态 Status", d -> both("visit.status." + d.visit().status())),
            new Column<>("逾期 Overdue", d -> d.visit().overdue() ? "是 yes" : ""),
            new Column<>("走访日期 Done", d -> d.visit().doneDate()),
            new Column<>("参加人员 Participants", VisitDetails::participants),
            new Column<>("客户联系人 Contacts met", VisitDetails::contactsMet),
            new Column<>("发现问题 Findings", VisitDetails::findings),
            new Column<>("客户诉求 Demands", VisitDetails::demands),
            new Column<>("满意度 Satisfaction", d -> d.visit().satisfaction()),
            new Column<>("记录人 Recorded by", VisitDetails::recordedBy));

    private static final List<Column<TaskRow>> TASKS = List.of(
            new Column<>("客户名称 Customer", TaskRow::customerName),
            new Column<>("客户经理 Manager", TaskRow::managerName),
            new Column<>("任务 Task", TaskRow::description),
            new Column<>("责任人 Owner", TaskRow::owner),
            new Column<>("期限 Due", TaskRow::dueDate),
            new Column<>("完成时间 Closed", t -> t.closedAt() == null ? null : t.closedAt().toLocalDate()),
            new Column<>("逾期 Overdue", t -> t.overdue() ? "是 yes" : ""));

    private final VisitService visits;

    VisitExcel(VisitService visits) {
        this.visits = visits;
    }

    /**
     * Writes the workbook of visits planned from {@code from} to {@code to} (inclusive) that the viewer may see.
     * Streamed: each page of {@link #CHUNK} visits is read in a short transaction of its own (two statements),
     * its rows go to POI's streaming workbook (200 rows in memory), and no transaction is open while the file is
     * written out, however long the period or slow the client.
     */
    public void export(Viewer viewer, LocalDate from, LocalDate to, OutputStream out) {
        export(viewer, from, to, out, CHUNK);
    }

    /** As {@link #export(Viewer, LocalDate, LocalDate, OutputStream)}, {@code chunk} visits a page. */
    void export(Viewer viewer, LocalDate from, LocalDate to, OutputStream out, int chunk) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw BusinessException.invalid("error.visit-export-period", MAX_DAYS);
        }
        VisitQuery query = VisitQuery.between(from, to);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet visitSheet = wb.createSheet("走访记录 Visits");
            SXSSFSheet taskSheet = wb.createSheet("整改任务 Tasks");
            header(visitSheet, VISITS);
            header(taskSheet, TASKS);
            int visitRow = 1;
            int taskRow = 1;
            VisitService.ExportPosition after = null;
            while (true) {
                List<VisitDetails> page = visits.exportPage(viewer, query, after, chunk);
                for (VisitDetails d : page) {
                    write(visitSheet.createRow(visitRow++), VISITS, d);
                    for (TaskRow t : d.tasks()) {
                        write(taskSheet.createRow(taskRow++), TASKS, t);
                    }
                }
                if (page.size() < chunk) {
                    break;
                }
                VisitRow last = page.getLast().visit();
                after = new VisitService.ExportPosition(last.plannedDate(), last.id());
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String both(String key) {
        return Messages.get(Messages.CHINESE, key) + " " + Messages.get(Messages.ENGLISH, key);
    }

    private static <T> void header(SXSSFSheet sheet, List<Column<T>> columns) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            row.createCell(i).setCellValue(columns.get(i).title());
            sheet.setColumnWidth(i, 20 * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static <T> void write(Row row, List<Column<T>> columns, T item) {
        for (int i = 0; i < columns.size(); i++) {
            Object v = columns.get(i).value().apply(item);
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (v != null) {
                row.createCell(i).setCellValue(v.toString());
            }
        }
    }
}
