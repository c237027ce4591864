package cn.keyaccount.base;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The first sheet of an uploaded workbook as rows of text, for imports that check every cell themselves: a row
 * index in the list is the sheet's row index (empty rows stay as empty lists), a number is written plainly without
 * trailing zeros (a 户号 typed as a number reads "3110000007", not "3.110000007E9"), a date cell as the import says.
 */
public final class SheetRows {

    private SheetRows() {
    }

    public static List<List<String>> firstSheet(byte[] content, Function<LocalDateTime, String> dateText)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c), format, dateText));
                    }
                }
                while (rows.size() < r) {
                    rows.add(List.of());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter format, Function<LocalDateTime, String> dateText) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return dateText.apply(cell.getLocalDateTimeCellValue());
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return format.formatCellValue(cell);
    }
}
