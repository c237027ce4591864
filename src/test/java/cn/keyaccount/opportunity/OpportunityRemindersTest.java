package cn.keyaccount.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.opportunity.rest.OpportunityResourceTest;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpportunityRemindersTest {

    @Inject
    OpportunityReminders reminders;
    @Inject
    NoticeInbox inbox;

    @Test
    void the_owner_is_reminded_of_the_next_step_on_its_date_once_although_the_job_runs_twice() {
        JsonPath o = OpportunityResourceTest.open(Login.ADMIN);
        LocalDate day = LocalDate.of(2080 + (int) (System.nanoTime() % 9), 3, 1 + (int) (System.nanoTime() % 27));
        Map<String, Object> d = new HashMap<>();
        d.put("stage", "CONTACTED");
        d.put("nextStep", "送达增容报价单");
        d.put("nextStepDate", day.toString());
        d.put("version", o.getLong("version"));
        Api.as(Login.ADMIN).body(d).put("/api/opportunities/{id}", o.getLong("id")).then().statusCode(200);

        assertTrue(reminders.remindOwners(day) >= 1);
        reminders.remindOwners(day);
        List<MessageDetails> mine = inbox.history(Viewer.system(), o.getLong("customerId"), 0, 500).stream()
                .filter(m -> "OPPORTUNITY".equals(m.purpose()) && m.toStaff() && m.body() != null
                        && m.body().contains("送达增容报价单") && m.body().contains(day.toString())).toList();
        assertFalse(mine.isEmpty(), "the owner is reminded");
        assertEquals(1, mine.stream().map(MessageDetails::noticeId).distinct().count(),
                "one notice although the job ran twice");
        assertEquals(mine.size(), mine.stream().map(MessageDetails::channel).distinct().count(),
                "one message per channel");
    }
}
