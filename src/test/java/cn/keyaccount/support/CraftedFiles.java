package cn.keyaccount.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks built in the test: honest ones from rows, and crafted ones (a zip bomb) as an attacker would send. */
public final class CraftedFiles {

    private CraftedFiles() {
    }

    /** A workbook whose first sheet holds these rows as text cells. */
    public static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("data");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /**
     * The workbook with its sheet XML padded by {@code paddingMb} MB of blanks between the header row and the rest:
     * valid XML that deflates about 1,000 to 1, far past POI's ratio check (a zip bomb).
     */
    public static byte[] zipBomb(byte[] workbook, int paddingMb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    blanks(zip, (long) paddingMb << 20);
                    zip.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(data);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The workbook with {@code text} replaced in its XML parts (sheet and shared strings), e.g. by a longer cell. */
    public static byte[] replaceInSheet(byte[] workbook, String text, String replacement) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().endsWith(".xml")) {
                    data = new String(data, StandardCharsets.UTF_8).replace(text, replacement)
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void blanks(OutputStream out, long n) throws IOException {
        byte[] chunk = new byte[1 << 16];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (long left = n; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }
}
