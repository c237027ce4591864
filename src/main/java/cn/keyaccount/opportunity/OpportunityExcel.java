package cn.keyaccount.opportunity;

import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The opportunity list as XLSX, streamed: read page by page (each page its own short read) and written through a
 * window of rows, so that a long list holds neither a transaction nor the whole sheet. Money as numbers with two
 * decimals and thousands separators.
 */
@ApplicationScoped
public class OpportunityExcel {

    static final int CHUNK = 500;
    static final List<String> TITLES = List.of("户号 Account", "客户 Customer", "商机 Opportunity", "依据 Reason",
            "阶段 Stage", "预计年收益（元） Expected yearly value", "下一步 Next step", "日期 Date", "负责人 Owner",
            "未成原因 Lost reason", "走访 Visit", "业扩申请 Application", "报告 Report");

    private final OpportunityQueries queries;

    OpportunityExcel(OpportunityQueries queries) {
        this.queries = queries;
    }

    public void export(Viewer viewer, OpportunityFilter filter, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet("商机 Opportunities");
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < TITLES.size(); i++) {
                header.createCell(i).setCellValue(TITLES.get(i));
            }
            int rowNo = 1;
            for (int offset = 0; ; offset += CHUNK) {
                List<OpportunityDetails> page = queries.page(viewer, filter, offset, CHUNK);
                for (OpportunityDetails o : page) {
                    write(sheet.createRow(rowNo++), o, money);
                }
                if (page.size() < CHUNK) {
                    break;
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, OpportunityDetails o, CellStyle money) {
        row.createCell(0).setCellValue(o.accountNo());
        row.createCell(1).setCellValue(o.customerName());
        row.createCell(2).setCellValue(o.tagZh());
        row.createCell(3).setCellValue(o.tagReason());
        row.createCell(4).setCellValue(Messages.get(Locale.SIMPLIFIED_CHINESE, "opportunity.stage." + o.stage().name()));
        if (o.expectedValue() != null) {
            row.createCell(5).setCellValue(o.expectedValue().doubleValue());
            row.getCell(5).setCellStyle(money);
        }
        text(row, 6, o.nextStep());
        text(row, 7, o.nextStepDate() == null ? null : o.nextStepDate().toString());
        row.createCell(8).setCellValue(o.ownerName());
        text(row, 9, o.lostReason());
        number(row, 10, o.visitId());
        number(row, 11, o.applicationId());
        number(row, 12, o.reportId());
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void number(Row row, int column, Long value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }
}
