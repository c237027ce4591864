package cn.keyaccount.application;

import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The dashboard over the applications a viewer may see (a manager their customers', a supervisor the unit's):
 * grouped in SQL for the open ones by step; for the completed ones in a period (by completion date) one light row
 * each (kind, voltage, days, limit, handler, unit, month), from which the averages, the 90th percentile (nearest
 * rank) and the on-time rates are computed; and the same as an XLSX workbook.
 */
@ApplicationScoped
@Transactional
public class ApplicationDashboard {

    private final EntityManager em;

    ApplicationDashboard(EntityManager em) {
        this.em = em;
    }

    public DashboardSummary summarise(Viewer viewer, LocalDate from, LocalDate to) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        TypedQuery<Object[]> open = em.createQuery("select a.currentStep, count(a), "
                + "sum(case when a.overdue = true then 1 else 0 end) from Application a join a.customer c where "
                + scope.where() + " and a.status in :open group by a.currentStep", Object[].class);
        scope.params().map().forEach(open::setParameter);
        Map<ApplicationStep, long[]> counts = new LinkedHashMap<>();
        open.setParameter("open", ApplicationService.OPEN).getResultList().forEach(r -> counts.put(
                (ApplicationStep) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()}));
        List<DashboardSummary.StepCount> byStep = Arrays.stream(ApplicationStep.values())
                .filter(counts::containsKey).map(s -> new DashboardSummary.StepCount(s, counts.get(s)[0],
                        counts.get(s)[1])).toList();

        TypedQuery<Object[]> done = em.createQuery("select a.kind, a.voltageClass, a.usedDays, a.limitDays, "
                + "coalesce(h.displayName, ''), c.unit.name, a.closedOn from Application a join a.customer c "
                + "left join a.handler h where " + scope.where() + " and a.status = :completed "
                + "and a.closedOn >= :from and a.closedOn <= :to", Object[].class);
        scope.params().map().forEach(done::setParameter);
        List<Object[]> rows = done.setParameter("completed", ApplicationStatus.COMPLETED)
                .setParameter("from", from).setParameter("to", to).getResultList();
        return new DashboardSummary(byStep, durations(rows), onTime(rows));
    }

    private static List<DashboardSummary.Duration> durations(List<Object[]> rows) {
        Map<String, List<Object[]>> groups = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing((Object[] r) -> ((ApplicationKind) r[0]).ordinal())
                        .thenComparing(r -> ((VoltageClass) r[1]).ordinal()))
                .forEach(r -> groups.computeIfAbsent(r[0] + "/" + r[1], k -> new ArrayList<>()).add(r));
        List<DashboardSummary.Duration> out = new ArrayList<>();
        groups.values().forEach(g -> {
            int[] days = g.stream().mapToInt(r -> ((Number) r[2]).intValue()).sorted().toArray();
            double limit = g.stream().mapToInt(r -> ((Number) r[3]).intValue()).average().orElse(0);
            out.add(new DashboardSummary.Duration((ApplicationKind) g.getFirst()[0], (VoltageClass) g.getFirst()[1],
                    days.length, average(Arrays.stream(days).average().orElse(0)), p90(days), average(limit)));
        });
        return out;
    }

    /** The 90th percentile by nearest rank: the smallest value with at least 90 % of the values at or below it. */
    static int p90(int[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(0.9 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static BigDecimal average(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static List<DashboardSummary.OnTime> onTime(List<Object[]> rows) {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            boolean inTime = ((Number) r[2]).intValue() <= ((Number) r[3]).intValue();
            String month = ((LocalDate) r[6]).toString().substring(0, 7);
            for (String key : List.of("handler\u0000" + r[4] + "\u0000" + month, "unit\u0000" + r[5] + "\u0000"
                    + month)) {
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0]++;
                c[1] += inTime ? 1 : 0;
            }
        }
        List<DashboardSummary.OnTime> out = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\u0000", -1);
            out.add(new DashboardSummary.OnTime(parts[0], parts[1], parts[2], c[0], c[1]));
        });
        return out;
    }

    /** The dashboard as a workbook: one sheet per table, headers in the given language's words. */
    public byte[] workbook(DashboardSummary s, java.util.function.Function<String, String> words) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet steps = wb.createSheet(words.apply("application.dashboard.by-step"));
            header(steps, words, "application.current-step", "application.dashboard.open",
                    "application.dashboard.overdue");
            int i = 1;
            for (DashboardSummary.StepCount c : s.byStep()) {
                Row row = steps.createRow(i++);
                row.createCell(0).setCellValue(words.apply("application.step." + c.step()));
                row.createCell(1).setCellValue(c.open());
                row.createCell(2).setCellValue(c.overdue());
            }
            Sheet durations = wb.createSheet(words.apply("application.dashboard.durations"));
            header(durations, words, "application.kind", "application.voltage-supply",
                    "application.dashboard.completed", "application.dashboard.average", "application.dashboard.p90",
                    "application.dashboard.limit");
            i = 1;
            for (DashboardSummary.Duration d : s.durations()) {
                Row row = durations.createRow(i++);
                row.createCell(0).setCellValue(words.apply("application.kind." + d.kind()));
                row.createCell(1).setCellValue(words.apply("application.voltage." + d.voltage()));
                row.createCell(2).setCellValue(d.completed());
                row.createCell(3).setCellValue(d.averageDays().doubleValue());
                row.createCell(4).setCellValue(d.p90Days());
                row.createCell(5).setCellValue(d.averageLimitDays().doubleValue());
            }
            Sheet onTime = wb.createSheet(words.apply("application.dashboard.on-time"));
            header(onTime, words, "application.dashboard.by", "application.dashboard.who",
                    "application.dashboard.month", "application.dashboard.completed", "application.dashboard.in-time",
                    "application.dashboard.rate");
            i = 1;
            for (DashboardSummary.OnTime o : s.onTime()) {
                Row row = onTime.createRow(i++);
                row.createCell(0).setCellValue(words.apply("application.dashboard.by." + o.by()));
                row.createCell(1).setCellValue(o.who());
                row.createCell(2).setCellValue(o.month());
                row.createCell(3).setCellValue(o.completed());
                row.createCell(4).setCellValue(o.onTime());
                row.createCell(5).setCellValue(o.rate().doubleValue());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, java.util.function.Function<String, String> words, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(words.apply(keys[i]));
            sheet.setColumnWidth(i, 16 * 256);
        }
    }
}
