package cn.keyaccount.outage;

import cn.keyaccount.base.SheetRows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a weekly maintenance plan (周检修计划) from XLSX, first sheet, columns found by their Chinese or English
 * header: 停电类型 kind (计划检修 / 临时检修, default planned), 工作内容 title, 线路 line codes (separated by spaces,
 * commas or 、), 变电站 substations (optional, whole substation out), 台区 (optional), 开始时间, 结束时间
 * (yyyy-MM-dd HH:mm or Excel date-times, Asia/Shanghai), 停电原因 reason, 停电范围 area. Bad values are reported
 * with row and column; the caller registers nothing when there is any.
 */
final class MaintenancePlanFile {

    /** One row as read: texts, times parsed, line and substation names split. */
    record PlanRow(int row, OutageKind kind, String title, List<String> lineCodes, List<String> substations,
                   String transformerAreas, LocalDateTime start, LocalDateTime end, String reason, String area) {
    }

    record Parsed(List<PlanRow> rows, List<ImportProblem> problems) {
    }

    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("kind", List.of("kind", "停电类型"));
        COLUMNS.put("title", List.of("title", "工作内容"));
        COLUMNS.put("lines", List.of("lines", "线路"));
        COLUMNS.put("substations", List.of("substations", "变电站"));
        COLUMNS.put("transformerAreas", List.of("transformerareas", "台区"));
        COLUMNS.put("start", List.of("start", "开始时间"));
        COLUMNS.put("end", List.of("end", "结束时间"));
        COLUMNS.put("reason", List.of("reason", "停电原因"));
        COLUMNS.put("area", List.of("area", "停电范围"));
    }

    private static final List<String> OPTIONAL = List.of("kind", "substations", "transformerAreas", "area");
    /** Strict: 2026-02-30 is an error, not the 28th (the default SMART resolving would move it). */
    private static final List<DateTimeFormatter> TIMES = List.of(strict("uuuu-MM-dd HH:mm"),
            strict("uuuu-MM-dd H:mm"), strict("uuuu-M-d H:mm"), strict("uuuu/M/d H:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    /** A weekly plan has tens of rows; a thousand is already a year of a large county. */
    static final int MAX_ROWS = 5_000;
    static final int MAX_PROBLEMS = 500;

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private MaintenancePlanFile() {
    }

    static Parsed read(byte[] content, ZoneId zone) {
        List<ImportProblem> problems = new ArrayList<>();
        List<PlanRow> rows = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        boolean[] header = {true};
        try {
            SheetRows.read(new ByteArrayInputStream(content), MAX_ROWS + 1, t -> t.format(TIMES.getFirst()),
                    (rowNo, cells) -> {
                        if (header[0]) {
                            header[0] = false;
                            header(cells, index, problems);
                        } else {
                            row(rowNo, cells, index, problems, rows);
                        }
                        if (problems.size() >= MAX_PROBLEMS) {
                            throw new StopReading();
                        }
                    });
        } catch (StopReading stop) {
            // a missing column or too many problems: what was found is reported
        } catch (SheetRows.Refused r) {
            problems.add(new ImportProblem(r.row(), "", r.key(), String.valueOf(r.limit())));
            return new Parsed(List.of(), problems);
        } catch (IOException | RuntimeException e) {
            return new Parsed(List.of(), List.of(new ImportProblem(0, "", "outage.import.unreadable",
                    String.valueOf(e.getMessage()))));
        }
        if (header[0]) {
            return new Parsed(List.of(), List.of(new ImportProblem(0, "", "outage.import.empty", "")));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(0, "", "outage.import.empty", ""));
        }
        return new Parsed(rows, problems);
    }

    private static void header(List<String> cells, Map<String, Integer> index, List<ImportProblem> problems) {
        List<String> header = cells.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        COLUMNS.forEach((field, names) -> {
            for (String name : names) {
                int i = header.indexOf(name);
                if (i >= 0) {
                    index.put(field, i);
                    return;
                }
            }
            if (!OPTIONAL.contains(field)) {
                problems.add(new ImportProblem(1, field, "outage.import.missing-column", names.get(1)));
            }
        });
        if (!problems.isEmpty()) {
            throw new StopReading();
        }
    }

    private static void row(int rowNo, List<String> cells, Map<String, Integer> index, List<ImportProblem> problems,
                            List<PlanRow> rows) {
        Map<String, String> v = new HashMap<>();
        index.forEach((field, i) -> v.put(field, i < cells.size() ? cells.get(i).trim() : ""));
        int before = problems.size();
        OutageKind kind = kind(v.getOrDefault("kind", ""), rowNo, problems);
        String title = required(v, "title", rowNo, problems);
        List<String> lines = split(v.get("lines"));
        List<String> substations = split(v.getOrDefault("substations", ""));
        if (lines.isEmpty() && substations.isEmpty()) {
            problems.add(new ImportProblem(rowNo, "lines", "outage.import.no-lines", ""));
        }
        LocalDateTime start = time(v.get("start"), "start", rowNo, problems);
        LocalDateTime end = time(v.get("end"), "end", rowNo, problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(new ImportProblem(rowNo, "end", "outage.import.end-before-start", v.get("end")));
        }
        String reason = required(v, "reason", rowNo, problems);
        if (problems.size() == before) {
            rows.add(new PlanRow(rowNo, kind, title, lines, substations, v.getOrDefault("transformerAreas", ""),
                    start, end, reason, v.getOrDefault("area", "")));
        }
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    private static OutageKind kind(String text, int row, List<ImportProblem> problems) {
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "", "计划检修", "计划", "PLANNED" -> OutageKind.PLANNED;
            case "临时检修", "临时", "TEMPORARY" -> OutageKind.TEMPORARY;
            default -> {
                problems.add(new ImportProblem(row, "kind", "outage.import.bad-kind", text));
                yield OutageKind.PLANNED;
            }
        };
    }

    private static String required(Map<String, String> v, String field, int row, List<ImportProblem> problems) {
        String text = v.getOrDefault(field, "");
        if (text.isBlank()) {
            problems.add(new ImportProblem(row, field, "outage.import.required", ""));
        }
        return text;
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
    }

    private static LocalDateTime time(String text, String field, int row, List<ImportProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new ImportProblem(row, field, "outage.import.required", ""));
            return null;
        }
        for (DateTimeFormatter f : TIMES) {
            try {
                return LocalDateTime.parse(text.trim(), f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        problems.add(new ImportProblem(row, field, "outage.import.bad-time", text));
        return null;
    }
}
