package cn.keyaccount.notice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.notice.gateway.CmppPeer;
import cn.keyaccount.notice.gateway.CmppProfile;
import cn.keyaccount.notice.gateway.CmppPeersAccess;
import cn.keyaccount.notice.gateway.SmsConnectionTest;
import cn.keyaccount.security.Role;
import cn.keyaccount.support.Api;
import cn.keyaccount.support.LoopbackServers;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection test from the notice centre, on screen and over REST, against two CMPP gateways on loopback: one
 * test SMS per provider to the number typed, each gateway's answer shown (code, meaning, message id, time), audited.
 */
@QuarkusTest
@TestProfile(CmppProfile.class)
class SmsConnectionTestViewTest extends BrowserlessQuarkusTest {

    @Inject
    AuditService audit;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
        CmppPeersAccess.start();
    }

    @Test
    void an_administrator_tests_every_gateway_from_the_notice_centre_and_sees_each_answer() {
        CmppPeersAccess.awaitUp();
        String mobile = "14766660001";
        signIn("admin", Role.ADMIN_NAME);
        NoticeCentreView view = open("notices", NoticeCentreView.class);
        SmsConnectionPanel panel = view.getChildren().filter(c -> "sms-connection-test".equals(c.getId().orElse("")))
                .map(c -> (SmsConnectionPanel) ((com.vaadin.flow.component.details.Details) c).getContent()
                        .findFirst().orElseThrow()).findFirst().orElseThrow();
        assertTrue(panel.providerLine.getText().contains("cmcc（CMPP 3.0，已连接）"), panel.providerLine.getText());

        test(panel.mobile).setValue(mobile);
        test(panel.send).click();

        List<SmsConnectionTest.Answer> answers = test(panel.answers).size() == 0 ? List.of()
                : panel.answers.getGenericDataView().getItems().toList();
        assertEquals(List.of("cmcc", "backup", "default"), answers.stream().map(SmsConnectionTest.Answer::provider)
                .toList(), "one test per gateway, in the rule's order");
        SmsConnectionTest.Answer cmcc = answers.getFirst();
        assertEquals(SmsConnectionTest.Outcome.ACCEPTED, cmcc.outcome());
        assertEquals(0L, cmcc.resultCode());
        assertTrue(cmcc.messageId().startsWith("cmcc:"), cmcc.messageId());
        assertEquals("正确，已接收", test(panel.answers).getCellText(0, 4));
        assertEquals(1, CmppPeersAccess.primary().messagesTo(mobile), "the gateway got the test SMS once");
        assertEquals(1, CmppPeersAccess.backup().messagesTo(mobile));
        assertTrue(audit.find(new AuditQuery(null, null, "admin", "SMS_PROVIDER_TESTED", null, null), 0, 10).stream()
                .anyMatch(e -> e.summary().contains("cmcc → 147****0001: ACCEPTED 0")), "audited, the number masked");
    }

    @Test
    void over_rest_the_gateways_answer_carries_the_carrier_error_code_and_only_the_administrator_may_ask() {
        CmppPeersAccess.awaitUp();
        String mobile = "14766660002";
        CmppPeer gateway = CmppPeersAccess.primary();
        gateway.refuse.put(mobile, 9);

        List<Map<String, Object>> answers = Api.as(Login.ADMIN).body(Map.of("mobile", mobile, "provider", "cmcc"))
                .post("/api/sms-providers/test").then().statusCode(200).extract().jsonPath().getList("$");

        assertEquals(1, answers.size(), "only the provider named");
        assertEquals("REFUSED", answers.getFirst().get("outcome"));
        assertEquals(9, answers.getFirst().get("resultCode"));
        assertTrue(answers.getFirst().get("detail").toString().contains("result 9"), answers.toString());
        Api.as(Login.ADMIN).body(Map.of("mobile", mobile, "provider", "nosuch")).post("/api/sms-providers/test")
                .then().statusCode(404);
        Api.as(Login.SCHEDULER).body(Map.of("mobile", mobile)).post("/api/sms-providers/test").then().statusCode(403);
        List<Map<String, Object>> providers = Api.as(Login.ADMIN).get("/api/sms-providers").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals("cmcc", providers.getFirst().get("name"));
        assertEquals("UP", providers.getFirst().get("link"));
    }
}
