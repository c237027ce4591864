package cn.keyaccount.billing;

import cn.keyaccount.base.SheetRows;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyyMMdd"));

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
        for (Map.Entry<Integer, Map<String, String>> e : table(file, content, BILL_COLUMNS, problems).entrySet()) {
            Cells c = new Cells(file, e.getKey(), e.getValue(), problems);
            BillRow row = new BillRow(e.getKey(), c.text("account"), c.period("period"), c.amount("kwhSharp", true),
                    c.amount("kwhPeak", true), c.amount("kwhFlat", true), c.amount("kwhValley", true),
                    c.amount("basicCharge", true), c.amount("pfAdjustment", false), c.amount("total", true),
                    c.date("dueDate"));
            if (c.clean) {
                rows.add(row);
            }
        }
        return new Parsed<>(rows, problems);
    }

    static Parsed<PaymentRow> payments(String file, byte[] content) {
        List<ImportProblem> problems = new ArrayList<>();
        List<PaymentRow> rows = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> e : table(file, content, PAYMENT_COLUMNS, problems).entrySet()) {
            Cells c = new Cells(file, e.getKey(), e.getValue(), problems);
            PaymentRow row = new PaymentRow(e.getKey(), c.text("account"), c.period("period"),
                    c.amount("amount", true), c.date("paidAt"));
            if (c.clean) {
                rows.add(row);
            }
        }
        return new Parsed<>(rows, problems);
    }

    /** The data rows by row number (header = 1), each as field → text; a missing column is one problem. */
    private static Map<Integer, Map<String, String>> table(String file, byte[] content,
                                                           Map<String, List<String>> columns,
                                                           List<ImportProblem> problems) {
        List<List<String>> raw;
        try {
            raw = isXlsx(content) ? xlsx(content) : csv(content);
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(file, 0, "", "billing.import.unreadable", e.getMessage()));
            return Map.of();
        }
        if (raw.isEmpty()) {
            problems.add(new ImportProblem(file, 0, "", "billing.import.empty", ""));
            return Map.of();
        }
        List<String> header = raw.getFirst().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> index = new HashMap<>();
        columns.forEach((field, names) -> {
            for (String name : names) {
                int i = header.indexOf(name.toLowerCase(Locale.ROOT));
                if (i >= 0) {
                    index.put(field, i);
                    return;
                }
            }
            problems.add(new ImportProblem(file, 1, field, "billing.import.missing-column", names.get(1)));
        });
        if (index.size() < columns.size()) {
            return Map.of();
        }
        Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
        for (int r = 1; r < raw.size(); r++) {
            List<String> cells = raw.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            index.forEach((field, i) -> values.put(field, i < cells.size() ? cells.get(i).trim() : ""));
            rows.put(r + 1, values);
        }
        return rows;
    }

    private static boolean isXlsx(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K';
    }

    /** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GBK. */
    static String decode(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GBK"));
        }
    }

    private static List<List<String>> csv(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get()
                .parse(new StringReader(decode(content)))) {
            for (CSVRecord rec : parser) {
                rows.add(rec.toList());
            }
        }
        return rows;
    }

    private static List<List<String>> xlsx(byte[] content) throws IOException {
        return SheetRows.firstSheet(content, t -> t.toLocalDate().toString());
    }

    /** Reads one row's fields, noting each bad value as a problem. */
    private static final class Cells {
        private final String file;
        private final int row;
        private final Map<String, String> values;
        private final List<ImportProblem> problems;
        boolean clean = true;

        Cells(String file, int row, Map<String, String> values, List<ImportProblem> problems) {
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
