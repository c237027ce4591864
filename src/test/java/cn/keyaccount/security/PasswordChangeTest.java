package cn.keyaccount.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.security.UserService.SignInResult;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Must-change after an administrator's reset, the self-service change over REST, and the rules on every password. */
@QuarkusTest
class PasswordChangeTest {

    private static final String FIRST = "Initial#Pass-2026";
    private static final String OWN = "Chosen-by-me#77";

    @Inject
    UserService users;
    @Inject
    AuditService audit;

    private static RequestSpecification as(String username, String password) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).header("Accept-Language", "en")
                .auth().preemptive().basic(username, password);
    }

    /** A supervisor whose password the administrator has just reset. */
    private String resetSupervisor() {
        Viewer admin = users.viewer(Login.ADMIN.username);
        String name = Api.unique("reset.");
        long id = users.create(admin, new NewUser(name, "Created#Pass-2026", "重置测试", Role.SUPERVISOR,
                admin.unitId(), null, null)).id();
        users.resetPassword(admin, id, FIRST);
        return name;
    }

    @Test
    void after_an_administrators_reset_the_user_gets_403_everywhere_but_who_am_i_and_the_password_change() {
        String name = resetSupervisor();
        as(name, FIRST).get("/api/customers").then().statusCode(403)
                .body("message", containsString("Change your password first"));
        as(name, FIRST).get("/api/users").then().statusCode(403);
        as(name, FIRST).get("/api/me").then().statusCode(200)
                .body("username", equalTo(name)).body("mustChangePassword", equalTo(true));
    }

    @Test
    void the_user_chooses_their_own_password_with_the_current_one_and_then_works_normally() {
        String name = resetSupervisor();
        as(name, FIRST).body(Map.of("current", "not-my-password", "new", OWN)).put("/api/me/password")
                .then().statusCode(422).body("fields.field", hasItem("current"));
        as(name, FIRST).body(Map.of("current", FIRST, "new", "short")).put("/api/me/password")
                .then().statusCode(422).body("fields.field", hasItem("new"))
                .body("fields.message", hasItem("A password needs at least 10 characters."));
        as(name, FIRST).body(Map.of("current", FIRST, "new", FIRST)).put("/api/me/password")
                .then().statusCode(422).body("fields.message", hasItem("The new password must differ from the current one."));
        assertTrue(users.mustChangePassword(name), "a refused change leaves the flag");

        as(name, FIRST).body(Map.of("current", FIRST, "new", OWN)).put("/api/me/password").then().statusCode(204);

        assertFalse(users.mustChangePassword(name));
        assertEquals(SignInResult.BAD_CREDENTIALS, users.signIn(name, FIRST).result(), "the old password is gone");
        as(name, OWN).get("/api/customers").then().statusCode(200);
        as(name, OWN).get("/api/me").then().statusCode(200).body("mustChangePassword", equalTo(false));
        assertEquals(1, audit.count(new AuditQuery(null, null, name, "PASSWORD_CHANGED", null, null)));
    }

    @Test
    void every_user_may_change_their_own_password_and_needs_the_current_one() {
        Viewer admin = users.viewer(Login.ADMIN.username);
        String name = Api.unique("self.");
        users.create(admin, new NewUser(name, "Created#Pass-2026", "自助改密", Role.SCHEDULER, admin.unitId(), null,
                null));
        assertFalse(users.mustChangePassword(name), "a new user is not flagged");
        as(name, "Created#Pass-2026").body(Map.of("current", "Created#Pass-2026", "new", OWN))
                .put("/api/me/password").then().statusCode(204);
        assertEquals(SignInResult.OK, users.signIn(name, OWN).result());
        given().contentType(ContentType.JSON).body(Map.of("current", "x", "new", OWN)).put("/api/me/password")
                .then().statusCode(401);
    }

    @Test
    void a_new_user_and_a_reset_are_held_to_the_password_rules_with_messages_naming_the_password() {
        Map<String, Object> user = Map.of("username", "rules.tester", "password", "rules.tester-2026",
                "displayName", "规则测试", "role", "SCHEDULER", "unitId", users.viewer(Login.ADMIN.username).unitId());
        Api.as(Login.ADMIN).body(user).post("/api/users").then().statusCode(422)
                .body("fields.field", hasItem("password"))
                .body("fields.message", hasItem("A password must not contain the user name."));
        Api.as(Login.ADMIN).header("Accept-Language", "zh-CN").body(Map.of("username", "rules.tester2",
                        "password", "qwertyuiop", "displayName", "规则测试", "role", "SCHEDULER",
                        "unitId", users.viewer(Login.ADMIN.username).unitId()))
                .post("/api/users").then().statusCode(422);
        Viewer admin = users.viewer(Login.ADMIN.username);
        long id = users.list(admin, null, Login.SCHEDULER.username, 0, 1).getFirst().id();
        cn.keyaccount.base.BusinessException e = org.junit.jupiter.api.Assertions.assertThrows(
                cn.keyaccount.base.BusinessException.class, () -> users.resetPassword(admin, id, "Password123"));
        assertEquals("error.password-common", e.fieldErrors().getFirst().key());
    }
}
