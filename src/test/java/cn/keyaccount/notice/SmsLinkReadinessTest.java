package cn.keyaccount.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmsLinkReadinessTest {

    @Inject
    NoticeConfig config;
    @Inject
    NoticeOutbox outbox;

    /** The tests' settings with the SMS centre on a port where nothing listens. */
    private NoticeConfig withDeadSmsCentre() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        int port = dead;
        NoticeConfig.Smpp smpp = (NoticeConfig.Smpp) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NoticeConfig.Smpp.class}, (p, m, args) -> switch (m.getName()) {
                    case "port" -> port;
                    case "reconnectDelay" -> java.time.Duration.ZERO;
                    default -> m.invoke(config.smpp(), args);
                });
        return (NoticeConfig) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {NoticeConfig.class},
                (p, m, args) -> m.getName().equals("smpp") ? smpp : m.invoke(config, args));
    }

    @Test
    void a_link_that_cannot_bind_is_reported_down_and_leaves_the_node_ready() throws Exception {
        SmppChannel link = new SmppChannel(withDeadSmsCentre(), outbox);
        assertEquals(SmppChannel.LinkState.IDLE, link.linkState(), "not bound yet: bound at the first send");
        assertThrows(SendFailure.class, () -> link.send("13800000000", "测试", () -> { }));
        assertEquals(SmppChannel.LinkState.DOWN, link.linkState());

        HealthCheckResponse answer = new SmsLinkReadiness(link, cn.keyaccount.notice.gateway.SmsProviders.of(List.of())).call();
        assertEquals(HealthCheckResponse.Status.UP, answer.getStatus(), "reported, not failing readiness");
        assertEquals(Optional.of("down"), answer.getData().map(d -> d.get("state")));
    }

    @Test
    void the_link_check_is_part_of_the_readiness_the_load_balancer_asks_for() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'SMS centre link' }.status", equalTo("UP"));
    }
}
