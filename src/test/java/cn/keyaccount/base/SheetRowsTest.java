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
}
