package cn.keyaccount.supplyplan;

import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The fleet schedule as XLSX: sheet 1 lists every booking in the window (truck, rating, plan, customer, from, to,
 * hours); sheet 2 is the calendar, one row per truck and one column per day, naming the plans that hold it.
 */
@ApplicationScoped
public class FleetSchedule {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final FleetService fleet;

    FleetSchedule(FleetService fleet) {
        this.fleet = fleet;
    }

    /** Writes the bookings of the days [from, from + days) as XLSX to {@code out}, read before any is written. */
    public void write(Viewer viewer, LocalDate from, int days, Locale locale, OutputStream out) {
        OffsetDateTime start = from.atStartOfDay(SupplyPlanService.ZONE).toOffsetDateTime();
        OffsetDateTime end = start.plusDays(days);
        List<BookingDetails> bookings = fleet.schedule(viewer, start, end);
        List<TruckDetails> trucks = fleet.trucks();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            list(wb.createSheet(Messages.get(locale, "fleet.sheet.bookings")), bookings, bold, locale);
            calendar(wb.createSheet(Messages.get(locale, "fleet.sheet.calendar")), trucks, bookings, from, days, bold,
                    locale);
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void list(Sheet sheet, List<BookingDetails> bookings, CellStyle bold, Locale locale) {
        header(sheet, bold, locale, "plan.truck", "plan.rated-kw", "plan.title", "plan.customer", "plan.status",
                "plan.from", "plan.to", "fleet.hours", "plan.note");
        int r = 1;
        for (BookingDetails b : bookings) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(b.plate() + " " + b.truckName());
            row.createCell(1).setCellValue(b.ratedKw());
            row.createCell(2).setCellValue(b.planTitle());
            row.createCell(3).setCellValue(b.customerName());
            row.createCell(4).setCellValue(Messages.get(locale, "plan.status." + b.planStatus()));
            row.createCell(5).setCellValue(time(b.startsAt()));
            row.createCell(6).setCellValue(time(b.endsAt()));
            row.createCell(7).setCellValue(ChronoUnit.MINUTES.between(b.startsAt(), b.endsAt()) / 60.0);
            row.createCell(8).setCellValue(b.note());
        }
        for (int i = 0; i < 9; i++) {
            sheet.setColumnWidth(i, i == 2 ? 12_000 : 5_000);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void calendar(Sheet sheet, List<TruckDetails> trucks, List<BookingDetails> bookings, LocalDate from,
                                 int days, CellStyle bold, Locale locale) {
        Row head = sheet.createRow(0);
        head.createCell(0).setCellValue(Messages.get(locale, "plan.truck"));
        head.getCell(0).setCellStyle(bold);
        for (int d = 0; d < days; d++) {
            head.createCell(d + 1).setCellValue(from.plusDays(d).format(DAY));
            head.getCell(d + 1).setCellStyle(bold);
        }
        int r = 1;
        for (TruckDetails truck : trucks) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(truck.label());
            for (int d = 0; d < days; d++) {
                String held = onDay(bookings, truck.id(), from.plusDays(d));
                if (!held.isEmpty()) {
                    row.createCell(d + 1).setCellValue(held);
                }
            }
        }
        sheet.setColumnWidth(0, 9_000);
        sheet.createFreezePane(1, 1);
    }

    /** The plan titles holding a truck on a day, joined; empty when it is free all day. */
    public static String onDay(List<BookingDetails> bookings, long truckId, LocalDate day) {
        OffsetDateTime start = day.atStartOfDay(SupplyPlanService.ZONE).toOffsetDateTime();
        OffsetDateTime end = start.plusDays(1);
        return bookings.stream().filter(b -> b.truckId() == truckId && b.startsAt().isBefore(end)
                        && b.endsAt().isAfter(start)).map(BookingDetails::planTitle).distinct()
                .collect(Collectors.joining("; "));
    }

    private static void header(Sheet sheet, CellStyle bold, Locale locale, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(Messages.get(locale, keys[i]));
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static String time(OffsetDateTime t) {
        return t.atZoneSameInstant(SupplyPlanService.ZONE).format(TIME);
    }
}
