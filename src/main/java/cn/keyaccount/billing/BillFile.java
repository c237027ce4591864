package cn.keyaccount.billing;

import cn.keyaccount.base.SheetRows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the billing system's exports: the monthly bill issuance and payments, as CSV (UTF-8, or GBK as Excel in
 * China saves it) or XLSX (first sheet). Columns are found by their Chinese or English header; every bad value is
 * reported with its row and field, and the caller stores nothing when there is any.
 */
final class BillFile {

    /** One bill row, validated. */
    record BillRow(int row, String account, String period, BigDecimal kwhSharp, BigDecimal kwhPeak,
                   BigDecimal kwhFlat, BigDecimal kwhValley, BigDecimal basicCharge, BigDecimal pfAdjustment,
                   BigDecimal total, LocalDate dueDate) {
    }

    /** One payment row, validated. */
    record PaymentRow(int row, String account, String period, BigDecimal amount, LocalDate paidAt) {
    }

    record Parsed<T>(List<T> rows, List<ImportProblem> problems) {
    }

    static final Map<String, List<String>> BILL_COLUMNS = columns(
            "account", "户号", "period", "账期", "kwhSharp", "尖峰电量", "kwhPeak", "峰电量", "kwhFlat", "平电量",
            "kwhValley", "谷电量", "basicCharge", "基本电费", "pfAdjustment", "力调电费", "total", "电费合计",
            "dueDate", "缴费截止日");
    static final Map<String, List<String>> PAYMENT_COLUMNS = columns(
            "account", "户号", "period", "账期", "amount", "实收金额", "paidAt", "缴费日期");
    /** Dates as the billing system writes them; strict, so that 2026-02-30 is an error and not the 28th. */
    private static final List<DateTimeFormatter> DATES = List.of(strict("uuuu-MM-dd"), strict("uuuu/M/d"),
            strict("uuuu-M-d"), strict("uuuuMMdd"));
    /**
     * Data rows a file may hold: beyond PostgreSQL's 65,535 bind parameters on purpose (a city's key accounts for
     * several months); the rows are held until the whole file is checked, about 0.5 KB each.
     */
    static final int MAX_ROWS = 100_000;
    /** The bill table's columns hold numeric(14, 2): a larger value is a typing error, not a bill. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    /** Problems listed at most; reading stops there (nothing is stored anyway). */
    static final int MAX_PROBLEMS = 1_000;

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static Map<String, List<String>> columns(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], List.of(pairs[i].toLowerCase(Locale.ROOT), pairs[i + 1]));
        }
        return m;
    }

    private BillFile() {
    }

    static Parsed<BillRow> bills(String file, byte[] content) {
        List<ImportProblem> problems = new ArrayList<>();
        List<BillRow> rows = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        table(file, content, BILL_COLUMNS, problems, (rowNo, values) -> {
            Cells c = new Cells(file, rowNo, values, problems, shared);
            BillRow row = new BillRow(rowNo, c.text("account"), c.period("period"), c.amount("kwhSharp", true),
                    c.amount("kwhPeak", true), c.amount("kwhFlat", true), c.amount("kwhValley", true),
                    c.amount("basicCharge", true), c.amount("pfAdjustment", false), c.amount("total", true),
                    c.date("dueDate"));
            if (c.clean) {
                rows.add(row);
            }
        });
        return parsed(rows, problems);
    }

    /** The rows read, none when the file passed a bound (it is refused whole, its rows are not checked further). */
    private static <T> Parsed<T> parsed(List<T> rows, List<ImportProblem> problems) {
        boolean refused = problems.stream().anyMatch(p -> p.key().startsWith("import."));
        return new Parsed<>(refused ? List.of() : rows, problems);
    }

    static Parsed<PaymentRow> payments(String file, byte[] content) {
        List<ImportProblem> problems = new ArrayList<>();
        List<PaymentRow> rows = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        table(file, content, PAYMENT_COLUMNS, problems, (rowNo, values) -> {
            Cells c = new Cells(file, rowNo, values, problems, shared);
            PaymentRow row = new PaymentRow(rowNo, c.text("account"), c.period("period"),
                    c.amount("amount", true), c.date("paidAt"));
            if (c.clean) {
                rows.add(row);
            }
        });
        return parsed(rows, problems);
    }

    /** Receives a data row: its row number (header = 1) and its fields as field → trimmed text. */
    private interface DataRow {
        void accept(int rowNo, Map<String, String> values);
    }

    /**
     * Streams the data rows to {@code sink}; a missing column is one problem per column and no rows are read, a
     * file beyond the bounds (rows, cell size, unpacked size) one problem naming where and the limit.
     */
    private static void table(String file, byte[] content, Map<String, List<String>> columns,
                              List<ImportProblem> problems, DataRow sink) {
        Map<String, Integer> index = new HashMap<>();
        boolean[] header = {true};
        SheetRows.RowHandler rows = (rowNo, cells) -> {
            if (header[0]) {
                header[0] = false;
                List<String> names = cells.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
                columns.forEach((field, aliases) -> {
                    for (String name : aliases) {
                        int i = names.indexOf(name.toLowerCase(Locale.ROOT));
                        if (i >= 0) {
                            index.put(field, i);
                            return;
                        }
                    }
                    problems.add(new ImportProblem(file, rowNo, field, "billing.import.missing-column",
                            aliases.get(1)));
                });
                if (index.size() < columns.size()) {
                    throw new StopReading();
                }
                return;
            }
            if (problems.size() >= MAX_PROBLEMS) {
                throw new StopReading();
            }
            Map<String, String> values = new HashMap<>();
            index.forEach((field, i) -> values.put(field, i < cells.size() ? cells.get(i).trim() : ""));
            sink.accept(rowNo, values);
        };
        try {
            if (SheetRows.isZip(content)) {
                SheetRows.read(new ByteArrayInputStream(content), MAX_ROWS + 1, t -> t.toLocalDate().toString(),
                        rows);
            } else {
                csv(content, rows);
            }
        } catch (StopReading stop) {
            // a missing column or too many problems: what was found is reported
        } catch (SheetRows.Refused r) {
            // the bound is the answer: the problems of the rows read so far are left out
            problems.clear();
            problems.add(new ImportProblem(file, r.row(), r.column(), r.key(), String.valueOf(r.limit())));
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(file, 0, "", "billing.import.unreadable", e.getMessage()));
        }
        if (header[0] && problems.isEmpty()) {
            problems.add(new ImportProblem(file, 0, "", "billing.import.empty", ""));
        }
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /**
     * UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GBK: checked through a small buffer, so that
     * no copy of the whole file as text is made.
     */
    static Charset charset(byte[] content) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = utf8.decode(in, out, true);
            if (r.isError()) {
                return Charset.forName("GBK");
            }
            if (r.isUnderflow()) {
                return StandardCharsets.UTF_8;
            }
            out.clear();
        }
    }

    /** The CSV records as rows, under the same bounds as a sheet: rows and characters per cell. */
    private static void csv(byte[] content, SheetRows.RowHandler rows) throws IOException {
        int count = 0;
        Charset charset = charset(content);
        int bom = charset == StandardCharsets.UTF_8 && content.length >= 3 && (content[0] & 0xff) == 0xEF
                && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(content, bom, content.length - bom),
                        charset))) {
            for (CSVRecord rec : parser) {
                int rowNo = (int) parser.getCurrentLineNumber();
                List<String> cells = rec.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i).length() > SheetRows.MAX_CELL_CHARS) {
                        throw new SheetRows.Refused("import.cell-too-long", rowNo,
                                org.apache.poi.ss.util.CellReference.convertNumToColString(i),
                                SheetRows.MAX_CELL_CHARS);
                    }
                }
                if (++count > MAX_ROWS + 1) {
                    throw new SheetRows.Refused("import.too-many-rows", rowNo, "", MAX_ROWS + 1);
                }
                rows.row(rowNo, cells);
            }
        }
    }

    /** Reads one row's fields, noting each bad value as a problem. */
    private static final class Cells {
        /** One copy of each account number and period however many rows repeat it (rows are held till the end). */
        private final Map<String, String> shared;
        private final String file;
        private final int row;
        private final Map<String, String> values;
        private final List<ImportProblem> problems;
        boolean clean = true;

        Cells(String file, int row, Map<String, String> values, List<ImportProblem> problems,
              Map<String, String> shared) {
            this.shared = shared;
            this.file = file;
            this.row = row;
            this.values = values;
            this.problems = problems;
        }

        private void problem(String field, String key) {
            problems.add(new ImportProblem(file, row, field, key, values.get(field)));
            clean = false;
        }

        String text(String field) {
            String v = values.get(field);
            if (v != null && ("account".equals(field) || "period".equals(field))) {
                v = shared.computeIfAbsent(v, k -> k);
            }
            if (v == null || v.isBlank()) {
                problem(field, "billing.import.required");
            }
            return v;
        }

        String period(String field) {
            String v = text(field);
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return YearMonth.parse(v.replace('/', '-').length() == 6 ? v.substring(0, 4) + "-" + v.substring(4)
                        : v.replace('/', '-')).toString();
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                problem(field, "billing.import.bad-period");
                return null;
            }
        }

        BigDecimal amount(String field, boolean nonNegative) {
            String v = values.get(field);
            if (v == null || v.isBlank()) {
                problem(field, "billing.import.required");
                return null;
            }
            try {
                BigDecimal d = new BigDecimal(v.replace(",", ""));
                if (nonNegative && d.signum() < 0) {
                    problem(field, "billing.import.negative");
                } else if (d.abs().compareTo(MAX_AMOUNT) >= 0) {
                    problem(field, "billing.import.too-large");
                }
                return d;
            } catch (NumberFormatException e) {
                problem(field, "billing.import.bad-number");
                return null;
            }
        }

        LocalDate date(String field) {
            String v = text(field);
            if (v == null || v.isBlank()) {
                return null;
            }
            for (DateTimeFormatter f : DATES) {
                try {
                    return LocalDate.parse(v, f);
                } catch (DateTimeParseException e) {
                    // try the next format
                }
            }
            problem(field, "billing.import.bad-date");
            return null;
        }
    }
}
