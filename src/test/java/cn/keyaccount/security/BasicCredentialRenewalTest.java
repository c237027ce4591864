package cn.keyaccount.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * An API client that sends its password with every request: the remembered check is made again in the background
 * before it runs out, so no request of a steady client waits for bcrypt, and a wrong password is still refused.
 */
@QuarkusTest
class BasicCredentialRenewalTest {

    private static final String PASSWORD = "Harrow-blade-2026!";

    @Inject
    UserService users;

    @Inject
    TestClock time;

    /** Read in a transaction of its own: the test's session would answer from the user it read before. */
    private OffsetDateTime lastSignIn(String name) {
        return QuarkusTransaction.requiringNew().call(() -> users.list(users.viewer("admin"), null, name, 0, 1)
                .getFirst().lastLoginAt());
    }

    private static void me(String name, String password, int status) {
        given().auth().preemptive().basic(name, password).when().get("/api/me").then().statusCode(status);
    }

    @Test
    void a_remembered_check_is_renewed_in_the_background_before_it_runs_out() throws Exception {
        String name = "renewal-" + System.nanoTime();
        users.create(users.viewer("admin"), new NewUser(name, PASSWORD, "续期测试 " + name, Role.SCHEDULER, 3L, null,
                null));
        Instant start = Instant.now();
        try {
            me(name, PASSWORD, 200); // checked with bcrypt and remembered
            OffsetDateTime first = lastSignIn(name);

            time.set(start.plusSeconds(50)); // past the renewal age, within the minute
            me(name, PASSWORD, 200); // answered from the remembered check, which is made again meanwhile
            OffsetDateTime renewed = first;
            for (int i = 0; i < 100 && !renewed.isAfter(first.plusSeconds(30)); i++) {
                Thread.sleep(50);
                renewed = lastSignIn(name);
            }
            assertTrue(renewed.isAfter(first.plusSeconds(30)), "checked again in the background: " + first + " → "
                    + renewed);

            time.set(start.plusSeconds(80)); // the first check would have run out; the renewed one holds
            me(name, PASSWORD, 200);
            Thread.sleep(300);
            OffsetDateTime after = lastSignIn(name);
            assertTrue(Duration.between(renewed, after).abs().toSeconds() < 5,
                    "no check in the foreground while the renewed one holds: " + renewed + " → " + after);

            me(name, "not-" + PASSWORD, 401); // another password is checked, and refused
        } finally {
            time.reset();
        }
    }
}
