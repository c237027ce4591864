package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.keyaccount.support.CraftedFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The one streaming reader every XLSX import goes through: its text, its bounds. */
class SheetRowsTest {

    private static List<List<String>> read(byte[] file, int maxRows) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        SheetRows.read(new ByteArrayInputStream(file), maxRows, t -> "D" + t.toLocalDate(),
                (rowNo, cells) -> {
                    List<String> row = new ArrayList<>(cells);
                    row.addFirst(String.valueOf(rowNo));
                    rows.add(row);
                });
        return rows;
    }

    @Test
    void numbers_read_plainly_dates_through_the_import_and_an_invalid_date_serial_stays_a_number() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row r = s.createRow(2);
            r.createCell(0).setCellValue(3110000007d);
            r.createCell(1).setCellValue(46000);
            r.getCell(1).setCellStyle(date);
            r.createCell(3).setCellValue(-5);
            r.getCell(3).setCellStyle(date);
            wb.write(out);
        }

        assertEquals(List.of(List.of("3", "3110000007", "D2025-12-09", "", "-5")), read(out.toByteArray(), 10));
    }

    @Test
    void a_sheet_with_more_rows_than_allowed_is_refused_at_the_first_row_too_many() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(List.of("r" + i));
        }
        SheetRows.Refused r = assertThrows(SheetRows.Refused.class, () -> read(CraftedFiles.xlsx(rows), 5));
        assertEquals("import.too-many-rows", r.key());
        assertEquals(6, r.row());
        assertEquals(5, r.limit());
    }

    @Test
    void a_zip_bomb_is_refused_while_it_unpacks() throws Exception {
        byte[] bomb = CraftedFiles.zipBomb(CraftedFiles.xlsx(List.of(List.of("a"))), 64);
        SheetRows.Refused r = assertThrows(SheetRows.Refused.class, () -> read(bomb, 5));
        assertEquals("import.too-large", r.key());
    }

    @Test
    void a_cell_over_excels_limit_is_refused_with_its_row_and_column() throws Exception {
        byte[] file = CraftedFiles.replaceInSheet(CraftedFiles.xlsx(List.of(List.of("a", "LONG"))), "LONG",
                "x".repeat(SheetRows.MAX_CELL_CHARS + 1));
        SheetRows.Refused r = assertThrows(SheetRows.Refused.class, () -> read(file, 5));
        assertEquals("import.cell-too-long", r.key());
        assertEquals(1, r.row());
        assertEquals("B", r.column());
    }

    @Test
    void numbers_read_as_big_decimal_writes_them_and_each_cell_in_its_column_whatever_the_styles() throws Exception {
        double[] values = {0, -0.0, 1, -7, 2.5, 0.1, 1e-5, 123456.789, 3110000007d, 1e15, 1.5e17, 9.999999999e14,
            Math.PI, -1e-7, 1234567.125, 0.30000000000000004};
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextInt(100_000_00) / 100.0;
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 12);
                case 2 -> -random.nextLong() / 1000.0;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                assertEquals(java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(), SheetRows.plain(v),
                        "for " + v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>(List.of("2"));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle twoPlaces = wb.createCellStyle();
            twoPlaces.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            Row r = s.createRow(1);
            for (int i = 0; i < values.length; i++) {
                // every other column left empty, up to column AE; the styles alternate between cells
                r.createCell(2 * i).setCellValue(values[i]);
                r.getCell(2 * i).setCellStyle(i % 2 == 0 ? twoPlaces : null);
                expected.add(java.math.BigDecimal.valueOf(values[i]).stripTrailingZeros().toPlainString());
                expected.add("");
            }
            r.createCell(2 * values.length).setCellValue(java.time.LocalDateTime.of(2025, 3, 1, 0, 15));
            r.getCell(2 * values.length).setCellStyle(date);
            expected.add("D2025-03-01");
            wb.write(out);
        }
        assertEquals(expected, read(out.toByteArray(), 10).getFirst());
    }
}
