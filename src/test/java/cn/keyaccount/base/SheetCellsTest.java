package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.support.CraftedFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The byte-level sheet reader of the bulk imports: the same text as SheetRows (POI's SAX), its bounds, its errors. */
class SheetCellsTest {

    private static List<List<String>> viaPoi(byte[] file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        SheetRows.read(new ByteArrayInputStream(file), 2_000_000, t -> "D" + t, (rowNo, cells) -> {
            List<String> row = new ArrayList<>(cells);
            while (!row.isEmpty() && row.getLast().isEmpty()) {
                row.removeLast();
            }
            row.addFirst(String.valueOf(rowNo));
            rows.add(row);
        });
        return rows;
    }

    private static List<List<String>> viaBytes(byte[] file) throws Exception {
        return viaBytes(file, 2_000_000);
    }

    private static List<List<String>> viaBytes(byte[] file, int maxRows) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        SheetCells.read(new ByteArrayInputStream(file), maxRows, t -> "D" + t, (rowNo, cells) -> {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                row.add(cells.text(i));
            }
            while (!row.isEmpty() && row.getLast().isEmpty()) {
                row.removeLast();
            }
            row.addFirst(String.valueOf(rowNo));
            rows.add(row);
        });
        return rows;
    }

    private static byte[] write(Workbook wb) throws IOException {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A sheet of every kind of cell, from random values: numbers, dates, strings, booleans, errors, formulas. */
    private static void fill(Workbook wb, long seed) {
        Random random = new Random(seed);
        Sheet s = wb.createSheet("读数");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        CellStyle twoPlaces = wb.createCellStyle();
        twoPlaces.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
        String[] texts = {"表号", "A&B <c> \"q\" 'a'", "  ", "", " 前后空格 ", "tab\there", "line\nbreak", "_x000D_x",
            "DAY-17", "3110000007", "\u3000", "😀 emoji", "1.50"};
        for (int r = 0; r < 3000; r++) {
            if (r % 97 == 5) {
                continue; // a missing row
            }
            Row row = s.createRow(r);
            int cells = 1 + random.nextInt(9);
            for (int c = 0; c < cells; c++) {
                if (random.nextInt(6) == 0) {
                    continue; // a missing cell
                }
                var cell = row.createCell(c);
                switch (random.nextInt(9)) {
                    case 0 -> cell.setCellValue(texts[random.nextInt(texts.length)]);
                    case 1 -> {
                        cell.setCellValue(random.nextInt(100_000_00) / 100.0);
                        cell.setCellStyle(random.nextBoolean() ? twoPlaces : null);
                    }
                    case 2 -> cell.setCellValue(random.nextDouble() * Math.pow(10, random.nextInt(30) - 12)
                            * (random.nextBoolean() ? 1 : -1));
                    case 3 -> {
                        cell.setCellValue(40_000 + random.nextInt(20_000) + random.nextInt(96) / 96.0
                                + (random.nextInt(4) == 0 ? random.nextDouble() : 0));
                        cell.setCellStyle(date);
                    }
                    case 4 -> {
                        cell.setCellValue(random.nextInt(3) == 0 ? -1 - random.nextInt(100) : random.nextInt(70));
                        cell.setCellStyle(date);
                    }
                    case 5 -> cell.setCellValue(random.nextBoolean());
                    case 6 -> cell.setCellErrorValue(FormulaError.DIV0.getCode());
                    case 7 -> cell.setCellValue(random.nextLong() / 1000.0);
                    default -> cell.setCellValue((double) random.nextInt(1000));
                }
            }
        }
    }

    @Test
    void every_cell_reads_as_the_poi_reader_reads_it_shared_and_inline_strings_alike() throws Exception {
        XSSFWorkbook shared = new XSSFWorkbook();
        fill(shared, 17);
        byte[] sharedFile = write(shared);
        assertEquals(viaPoi(sharedFile), viaBytes(sharedFile));

        SXSSFWorkbook inline = new SXSSFWorkbook(100);
        fill(inline, 18);
        byte[] inlineFile = write(inline);
        List<List<String>> expected = viaPoi(inlineFile);
        assertTrue(expected.size() > 2000);
        assertEquals(expected, viaBytes(inlineFile));
    }

    @Test
    void a_date_cell_gives_its_seconds_as_poi_rounds_them_without_a_date_object() throws Exception {
        Random random = new Random(5);
        List<Double> serials = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
                case 0 -> 61 + random.nextInt(2_958_000) + random.nextDouble();
                case 1 -> 45_000 + random.nextInt(2_000) + random.nextInt(96) / 96.0;
                // half a second: where rounding from the digits would be unsure
                case 2 -> 45_000 + (random.nextInt(86_400) + 0.5) / 86_400.0;
                default -> 45_000 + random.nextInt(2_000) + random.nextInt(86_400_000) / 86_400_000.0;
            };
            serials.add(v);
        }
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet();
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d h:mm:ss"));
        for (int i = 0; i < serials.size(); i++) {
            var cell = s.createRow(i).createCell(0);
            cell.setCellValue(serials.get(i));
            cell.setCellStyle(date);
        }
        int[] read = {0};
        List<String> mismatches = new ArrayList<>();
        SheetCells.read(new ByteArrayInputStream(write(wb)), 100_000, t -> "D" + t, (rowNo, cells) -> {
            double v = serials.get(rowNo - 1);
            long expected = DateUtil.getLocalDateTime(v, false, true).toEpochSecond(ZoneOffset.UTC);
            long seconds = cells.dateSeconds(0);
            if (seconds != Long.MIN_VALUE) {
                read[0]++;
                if (seconds != expected) {
                    mismatches.add(v + ": " + LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
                }
            }
        });
        assertEquals(List.of(), mismatches);
        assertEquals(serials.size(), read[0]);
    }

    @Test
    void the_bounds_of_sheet_rows_hold_rows_cells_and_zip_bombs() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(List.of("r" + i));
        }
        SheetRows.Refused r = assertThrows(SheetRows.Refused.class, () -> viaBytes(CraftedFiles.xlsx(rows), 5));
        assertEquals("import.too-many-rows", r.key());
        assertEquals(6, r.row());

        byte[] bomb = CraftedFiles.zipBomb(CraftedFiles.xlsx(List.of(List.of("a"))), 64);
        assertEquals("import.too-large", assertThrows(SheetRows.Refused.class, () -> viaBytes(bomb)).key());

        byte[] longShared = CraftedFiles.replaceInSheet(CraftedFiles.xlsx(List.of(List.of("a", "LONG"))), "LONG",
                "x".repeat(SheetRows.MAX_CELL_CHARS + 1));
        SheetRows.Refused cell = assertThrows(SheetRows.Refused.class, () -> viaBytes(longShared));
        assertEquals("import.cell-too-long", cell.key());
        assertEquals(1, cell.row());
        assertEquals("B", cell.column());

        SXSSFWorkbook inline = new SXSSFWorkbook(10);
        StringBuilder chinese = new StringBuilder();
        Random random = new Random(9);
        for (int i = 0; i <= SheetRows.MAX_CELL_CHARS; i++) {
            chinese.append((char) (0x4E00 + random.nextInt(2000)));
        }
        inline.createSheet().createRow(3).createCell(2).setCellValue("LONG");
        byte[] longInline = editSheet(write(inline), xml -> replace(xml, "LONG", chinese.toString()));
        SheetRows.Refused inlineCell = assertThrows(SheetRows.Refused.class, () -> viaBytes(longInline));
        assertEquals("import.cell-too-long", inlineCell.key());
        assertEquals(4, inlineCell.row());
        assertEquals("C", inlineCell.column());
    }

    @Test
    void a_row_holding_more_than_16_mb_of_text_is_refused_at_its_row() throws Exception {
        SXSSFWorkbook wb = new SXSSFWorkbook(10);
        Row row = wb.createSheet().createRow(1);
        Random random = new Random(3);
        char[] text = new char[30_000];
        for (int c = 0; c < 600; c++) {
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) ('a' + random.nextInt(26));
            }
            row.createCell(c).setCellValue(new String(text));
        }
        SheetRows.Refused r = assertThrows(SheetRows.Refused.class, () -> viaBytes(write(wb)));
        assertEquals("import.too-large", r.key());
        assertEquals(2, r.row());
    }

    /** The workbook with its first sheet's XML changed by {@code edit}. */
    private static byte[] editSheet(byte[] workbook, java.util.function.UnaryOperator<byte[]> edit)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sheet-cells", ".xlsx");
        try {
            java.nio.file.Files.write(file, workbook);
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    byte[] data = in.getInputStream(e).readAllBytes();
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(e.getName().equals("xl/worksheets/sheet1.xml") ? edit.apply(data) : data);
                    zip.closeEntry();
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        return out.toByteArray();
    }

    private static byte[] replace(byte[] xml, String text, String replacement) {
        return new String(xml, StandardCharsets.UTF_8).replace(text, replacement).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readings() throws IOException {
        return CraftedFiles.xlsx(List.of(List.of("表号", "时间", "有功"), List.of("M1", "2026-01-01 00:15", "1"),
                List.of("M1", "2026-01-01 00:30", "2"), List.of("M1", "2026-01-01 00:45", "3")));
    }

    @Test
    void a_sheet_cut_short_is_unreadable_naming_the_sheet_and_the_row() throws Exception {
        byte[] cut = editSheet(readings(), xml -> {
            String s = new String(xml, StandardCharsets.UTF_8);
            return s.substring(0, s.indexOf("<row r=\"3\"") + 30).getBytes(StandardCharsets.UTF_8);
        });
        SheetCells.Unreadable e = assertThrows(SheetCells.Unreadable.class, () -> viaBytes(cut));
        assertEquals(3, e.row());
        assertTrue(e.getMessage().startsWith("sheet 'data', row 3"), e.getMessage());
    }

    @Test
    void a_shared_string_that_does_not_exist_is_unreadable_naming_row_and_column() throws Exception {
        byte[] file = editSheet(readings(), xml -> {
            String s = new String(xml, StandardCharsets.UTF_8);
            String edited = s.replaceFirst("(<c r=\"B3\"[^>]*>\\s*<v>)", "$19");
            assertTrue(!edited.equals(s), s);
            return edited.getBytes(StandardCharsets.UTF_8);
        });
        SheetCells.Unreadable e = assertThrows(SheetCells.Unreadable.class, () -> viaBytes(file));
        assertEquals(3, e.row());
        assertEquals("B", e.column());
        assertTrue(e.getMessage().contains("shared string"), e.getMessage());
    }

    @Test
    void a_doctype_a_bad_cell_reference_and_text_that_is_not_utf8_are_unreadable() throws Exception {
        byte[] doctype = editSheet(readings(), xml -> replace(xml, "?>", "?><!DOCTYPE worksheet [<!ENTITY a \"b\">]>"));
        assertTrue(assertThrows(SheetCells.Unreadable.class, () -> viaBytes(doctype)).getMessage()
                .contains("DOCTYPE"));

        byte[] badRef = editSheet(readings(), xml -> replace(xml, "r=\"C2\"", "r=\"2C\""));
        SheetCells.Unreadable ref = assertThrows(SheetCells.Unreadable.class, () -> viaBytes(badRef));
        assertEquals(2, ref.row());
        assertTrue(ref.getMessage().contains("'2C'"), ref.getMessage());

        SXSSFWorkbook inline = new SXSSFWorkbook(10);
        Row r = inline.createSheet("s").createRow(0);
        r.createCell(0).setCellValue("表号");
        r.createCell(1).setCellValue("MARK");
        byte[] latin1 = editSheet(write(inline), xml -> {
            byte[] b = replace(xml, "MARK", "M\u0001RK");
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 1) {
                    b[i] = (byte) 0xE9; // "é" in ISO-8859-1: no UTF-8
                }
            }
            return b;
        });
        SheetCells.Unreadable utf8 = assertThrows(SheetCells.Unreadable.class, () -> viaBytes(latin1));
        assertEquals(1, utf8.row());
        assertEquals("B", utf8.column());
    }

    /** A guard: POI 5.5.1 no longer sizes its list by the declared count (checked against SheetRows as well). */
    @Test
    void a_shared_strings_table_declaring_two_billion_strings_reads_as_the_strings_it_holds() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(readings()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    data = new String(data, StandardCharsets.UTF_8)
                            .replaceAll("uniqueCount=\"\\d+\"", "uniqueCount=\"2000000000\"")
                            .replaceAll(" count=\"\\d+\"", " count=\"2000000000\"").getBytes(StandardCharsets.UTF_8);
                    assertTrue(new String(data, StandardCharsets.UTF_8).contains("2000000000"));
                }
                zip.write(data);
                zip.closeEntry();
            }
        }
        byte[] file = out.toByteArray();
        List<String> header = List.of("1", "表号", "时间", "有功");
        assertEquals(header, viaPoi(file).getFirst());
        assertEquals(header, viaBytes(file).getFirst());
        assertEquals(List.of("4", "M1", "2026-01-01 00:45", "3"), viaBytes(file).getLast());
    }
}
