package cn.keyaccount.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Migration V39 turns the answers the suite stored in Chinese before (a repair closed by its crew, repairs closed with
 * their fault outage) into a key and the text typed with them, on the request and on its history's closing, and
 * leaves answers typed by staff as they are.
 */
@QuarkusTest
class RequestAnswerMigrationTest {

    private static final String MARK = "answer-migration";

    @Inject
    AgroalDataSource db;

    @Test
    void answers_stored_in_chinese_become_keys_with_the_typed_cause_or_note_and_typed_answers_stay() throws Exception {
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V39__request_answer_keys.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rows = migration.substring(migration.indexOf("create function pg_temp.answer_key"));
        List<String> answers = List.of("已恢复供电。故障原因：进线电缆终端头击穿", "已恢复供电。", "已随故障停电一并恢复供电。",
                "已随故障停电一并恢复供电。10kV 线路跳闸", "已电话答复客户");
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (int i = 0; i < answers.size(); i++) {
                st.execute("insert into service_request (customer_id, request_type, source, status, area, subject, "
                        + "owner_unit_id, opened_at, closed_at, closed_by, answer, created_by) select c.id, 'REPAIR', "
                        + "'PHONE', 'CLOSED', 'URBAN', 'migration " + i + "', c.unit_id, now() - interval '2 hours', "
                        + "now(), '抢修一班', '" + answers.get(i) + "', '" + MARK + "' from customer c order by c.id "
                        + "limit 1");
            }
            st.execute("insert into service_request (customer_id, request_type, source, status, area, subject, "
                    + "owner_unit_id, opened_at, closed_at, closed_by, answer, created_by) select c.id, 'QUESTION', "
                    + "'PHONE', 'CLOSED', 'URBAN', 'migration question', c.unit_id, now() - interval '2 hours', "
                    + "now(), 'manager', '已恢复供电。故障原因：客户自行排查', '" + MARK + "' from customer c order by c.id "
                    + "limit 1");
            st.execute("insert into service_request_event (request_id, kind, at, actor, note) select id, 'CLOSED', "
                    + "closed_at, closed_by, answer from service_request where created_by = '" + MARK + "'");
            st.execute(rows);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select r.request_type, r.answer_key, r.answer, e.note_key, e.note "
                    + "from service_request r join service_request_event e on e.request_id = r.id "
                    + "where r.created_by = '" + MARK + "' order by r.id")) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | "
                            + rs.getString(4) + " | " + rs.getString(5));
                }
            }
            c.rollback();
            assertEquals(List.of(
                    "REPAIR | request.answer.repair-restored-cause | 进线电缆终端头击穿 | "
                            + "request.answer.repair-restored-cause | 进线电缆终端头击穿",
                    "REPAIR | request.answer.repair-restored | null | request.answer.repair-restored | null",
                    "REPAIR | request.answer.fault-restored | null | request.answer.fault-restored | null",
                    "REPAIR | request.answer.fault-restored-note | 10kV 线路跳闸 | "
                            + "request.answer.fault-restored-note | 10kV 线路跳闸",
                    "REPAIR | null | 已电话答复客户 | null | 已电话答复客户",
                    "QUESTION | null | 已恢复供电。故障原因：客户自行排查 | null | 已恢复供电。故障原因：客户自行排查"), found);
        }
    }
}
