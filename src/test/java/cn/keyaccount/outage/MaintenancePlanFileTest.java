package cn.keyaccount.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.support.CraftedFiles;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15, items 4 and 5: the weekly plan file read strictly and within bounds (no database needed). */
class MaintenancePlanFileTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> HEADER = List.of("工作内容", "线路", "开始时间", "结束时间", "停电原因");

    @Test
    void an_impossible_start_date_is_a_row_error_naming_row_and_column() throws Exception {
        byte[] file = CraftedFiles.xlsx(List.of(HEADER,
                List.of("检修", "L01", "2030-02-30 08:00", "2030-03-01 18:00", "检修"),
                List.of("检修", "L01", "2030-03-02 08:00", "2030-03-02 18:00", "检修")));

        MaintenancePlanFile.Parsed parsed = MaintenancePlanFile.read(file, ZONE);

        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        ImportProblem p = parsed.problems().getFirst();
        assertEquals(2, p.row());
        assertEquals("start", p.field());
        assertEquals("outage.import.bad-time", p.key());
        assertEquals("2030-02-30 08:00", p.value());
    }

    @Test
    void a_plan_with_more_rows_than_an_import_takes_is_refused_naming_the_limit() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i <= MaintenancePlanFile.MAX_ROWS; i++) {
            rows.add(List.of("检修 " + i, "L01", "2030-03-02 08:00", "2030-03-02 18:00", "检修"));
        }

        MaintenancePlanFile.Parsed parsed = MaintenancePlanFile.read(CraftedFiles.xlsx(rows), ZONE);

        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        assertEquals("import.too-many-rows", parsed.problems().getFirst().key());
        assertEquals(String.valueOf(MaintenancePlanFile.MAX_ROWS + 1), parsed.problems().getFirst().value());
        assertEquals(MaintenancePlanFile.MAX_ROWS + 2, parsed.problems().getFirst().row());
        assertTrue(parsed.rows().isEmpty());
    }

    @Test
    void a_zip_bomb_is_refused_as_too_large() throws Exception {
        byte[] bomb = CraftedFiles.zipBomb(CraftedFiles.xlsx(List.of(HEADER)), 64);

        MaintenancePlanFile.Parsed parsed = MaintenancePlanFile.read(bomb, ZONE);

        assertEquals(List.of("import.too-large"), parsed.problems().stream().map(ImportProblem::key).toList());
    }
}
