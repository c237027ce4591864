package cn.keyaccount.base;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A node whose database is unreachable answers "not ready" (503), so that the load balancer sends its users to the
 * other nodes, and "ready" again once the database is back. The database is the profile's own: connections to it are
 * refused and the open ones ended, as when the server or the network to it goes away.
 */
@QuarkusTest
@TestProfile(OperationsProfile.class)
class ReadinessWithoutDatabaseTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;
    @ConfigProperty(name = "keyaccount.test.database")
    String database;

    private void allowConnections(boolean allowed) throws Exception {
        String maintenance = url.replace("/" + database, "/postgres");
        try (Connection c = DriverManager.getConnection(maintenance, user, password);
             Statement s = c.createStatement()) {
            s.execute("alter database " + database + " allow_connections " + allowed);
            if (!allowed) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }

    private void awaitReadiness(int status, String state) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            int now = given().get("/q/health/ready").then().extract().statusCode();
            if (now == status) {
                given().get("/q/health/ready").then().statusCode(status)
                        .body("checks.find { it.name == 'Database connections health check' }.status",
                                org.hamcrest.Matchers.equalTo(state));
                return;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("readiness still " + now + ", expected " + status);
            }
            Thread.sleep(250);
        }
    }

    @Test
    void readiness_is_down_while_the_database_is_unreachable_and_up_again_after() throws Exception {
        awaitReadiness(200, "UP");
        allowConnections(false);
        try {
            awaitReadiness(503, "DOWN");
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            allowConnections(true);
        }
        awaitReadiness(200, "UP");
    }
}
