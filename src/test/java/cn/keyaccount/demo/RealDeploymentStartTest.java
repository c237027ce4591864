package cn.keyaccount.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.security.NewUser;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A production start without KEYACCOUNT_DEMO on an empty database of its own: no demo company, one administrator who
 * must change the password, and demo steps that never touch a database that is not the demo.
 */
@QuarkusTest
@TestProfile(RealDeploymentStartTest.RealDeployment.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealDeploymentStartTest {

    static final String ADMIN_PASSWORD = "Erste-Anmeldung#2026";
    static final String COMPANY = "清河县供电公司";

    /**
     * A production start (the prod configuration profile, so the tests' demo setting does not apply) without
     * KEYACCOUNT_DEMO, with the administrator's password given, on an empty database of its own.
     */
    public static class RealDeployment implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // a real deployment sets its session key (KEYACCOUNT_SESSION_KEY); the prod profile has none built in
            return Map.of("keyaccount.test.database", TestDatabase.EMPTY,
                    "keyaccount.admin.initial-password", ADMIN_PASSWORD,
                    "keyaccount.admin.company-name", COMPANY,
                    "quarkus.http.auth.session.encryption-key",
                    java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(32)));
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    UserService users;
    @Inject
    NoticeService notices;

    @Inject
    NoticeQueries noticeQueries;
    @Inject
    DemoDataGenerator generator;
    @Inject
    DemoDatabase demo;
    @Inject
    DemoVisits visits;
    @Inject
    DemoNotices demoNotices;
    @Inject
    DemoEnergy energy;
    @Inject
    DemoSupplyPlans plans;
    @Inject
    DemoOutages outages;
    @Inject
    DemoReports reports;

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification as(String username, String password) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).header("Accept-Language", "en")
                .auth().preemptive().basic(username, password);
    }

    @Test
    @Order(1)
    void a_production_start_without_KEYACCOUNT_DEMO_makes_no_demo_company_but_one_administrator_who_must_change_it() {
        assertEquals(0, count("select count(*) from customer"), "no demo customers");
        assertEquals(0, count("select count(*) from demo_marker"));
        assertEquals(1, count("select count(*) from app_user"), "exactly one user");
        assertEquals(1, count("select count(*) from app_user where username = 'admin' and role = 'ADMIN' "
                + "and must_change_password"));
        assertEquals(1, count("select count(*) from org_unit where parent_id is null and name = '" + COMPANY + "'"),
                "the administrator's root unit, named from KEYACCOUNT_COMPANY_NAME");
        assertTrue(users.mustChangePassword("admin"));
    }

    @Test
    @Order(2)
    void the_first_administrator_changes_the_password_then_builds_the_organisation_and_adds_users() {
        as("admin", ADMIN_PASSWORD).get("/api/units").then().statusCode(403)
                .body("message", containsString("Change your password first"));
        as("admin", ADMIN_PASSWORD).get("/api/me").then().statusCode(200)
                .body("mustChangePassword", equalTo(true));
        String own = "Mein-eigenes#Passwort1";
        as("admin", ADMIN_PASSWORD).body(Map.of("current", ADMIN_PASSWORD, "new", own)).put("/api/me/password")
                .then().statusCode(204);

        long root = as("admin", own).get("/api/units").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.parentId == null }.id");
        long county = as("admin", own).body(Map.of("code", "QH", "name", "清河县供电公司营销部", "level", "COUNTY",
                "parentId", root)).post("/api/units").then().statusCode(201).extract().jsonPath().getLong("id");
        as("admin", own).body(Map.of("username", "li.na", "password", "Stromnetz#2026", "displayName", "李娜",
                "role", "SUPERVISOR", "unitId", county)).post("/api/users").then().statusCode(201);
        as("li.na", "Stromnetz#2026").get("/api/customers").then().statusCode(200);
    }

    @Test
    @Order(3)
    void the_demo_steps_do_nothing_on_a_database_that_is_not_the_demo_even_with_the_demo_user_names() {
        Viewer admin = users.viewer("admin");
        long unit = admin.unitId();
        long supervisor = 0;
        for (String[] u : new String[][] {{"customer", "CUSTOMER"}, {"manager", "ACCOUNT_MANAGER"},
            {"scheduler", "SCHEDULER"}, {"supervisor", "SUPERVISOR"}}) {
            long id = users.create(admin, new NewUser(u[0], "Real-Deployment#2026", "真实用户 " + u[0], Role.valueOf(u[1]),
                    unit, "13800000000", null)).id();
            if (u[0].equals("supervisor")) {
                supervisor = id;
            }
        }
        OffsetDateTime dueWithinADay = OffsetDateTime.now().plusHours(20);
        NoticeSummary real = notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.GENERAL, "general",
                        "真实提醒", List.of(supervisor)).parameters(Map.of("title", "明日检修", "text", "真实的提醒"))
                .plannedAt(dueWithinADay).expiresAt(dueWithinADay.plusDays(2)).build());

        assertFalse(DemoDataSeeder.seed(generator, demo, 30), "the demo is refused on a database with real users");
        visits.onStart(null, true, java.time.Clock.systemUTC());
        demoNotices.onStart(null, true, java.time.Clock.systemUTC());
        energy.onStart(null, true, java.time.Clock.systemUTC());
        plans.onStart(null, true);
        outages.onStart(null, true);
        reports.onStart(null, true);

        List<MessageDetails> messages = noticeQueries.messages(Viewer.system(), real.id(), null, 0, 10);
        assertFalse(messages.isEmpty());
        for (MessageDetails m : messages) {
            assertEquals(MessageState.SCHEDULED, m.state(), "the real message keeps its state: " + m.channel());
            assertNull(m.providerMessageId());
        }
        for (String table : List.of("customer", "visit", "bill", "meter", "generator_truck", "supply_plan", "outage",
                "energy_report", "demo_marker")) {
            assertEquals(0, count("select count(*) from " + table), table);
        }
    }
}
