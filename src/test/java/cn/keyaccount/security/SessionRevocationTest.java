package cn.keyaccount.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The form-login cookie and cached HTTP-basic credentials stop working when a user's sessions end. */
@QuarkusTest
class SessionRevocationTest {

    static final String PASSWORD = "Plough-share-2026!";
    private static final String WHO = "/test-support/whoami";

    @Inject
    UserService users;

    private String newUser(String prefix, Role role) {
        String name = prefix + "-" + System.nanoTime();
        users.create(users.viewer("admin"), new NewUser(name, PASSWORD, "会话测试 " + name, role, 3L, null, null));
        return name;
    }

    private long idOf(String name) {
        return users.list(users.viewer("admin"), null, name, 0, 1).getFirst().id();
    }

    static String signInWithForm(String name, String password) {
        String cookie = given().redirects().follow(false)
                .formParam("j_username", name).formParam("j_password", password)
                .when().post("/j_security_check")
                .then().statusCode(302)
                .extract().cookie("quarkus-credential");
        assertNotNull(cookie, "form sign-in sets the session cookie");
        return cookie;
    }

    /**
     * Who the cookie signs in: "anonymous" when it is ignored, or when it is refused, which sends the browser to the
     * sign-in page and makes it drop the cookie (or the sign-in page would redirect to itself).
     */
    private static void whoIs(String cookie, String expected) {
        Response response = given().redirects().follow(false).cookie("quarkus-credential", cookie).when().get(WHO);
        if (response.statusCode() == 302) {
            assertTrue(response.header("Location").contains("/login"), response.header("Location"));
            String dropped = response.headers().getValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("quarkus-credential=;")).findFirst().orElse(null);
            assertNotNull(dropped, "a refused cookie is dropped: " + response.headers().getValues("Set-Cookie"));
            assertTrue(dropped.contains("Max-Age=0"), dropped);
            assertEquals("anonymous", expected, "refused, though it should sign in " + expected);
            return;
        }
        response.then().statusCode(200).body(equalTo(expected));
    }

    private static void basic(String name, String password, int status) {
        given().auth().preemptive().basic(name, password).when().get("/api/me").then().statusCode(status);
    }

    /** Quarkus's cookie format: base64(iv length, iv, AES-GCM("expiry:username")), keyed by SHA-256 of the key. */
    static String forgeCookie(String key, long expiryMillis, String username) throws Exception {
        byte[] aes = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal((expiryMillis + ":" + username).getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(1 + iv.length + sealed.length);
        out.put((byte) iv.length).put(iv).put(sealed);
        return Base64.getEncoder().encodeToString(out.array());
    }

    @Test
    void a_cookie_forged_with_the_old_built_in_key_is_refused() throws Exception {
        String forged = forgeCookie("dev-only-key-change-me-in-production-0123456789",
                System.currentTimeMillis() + 3_600_000L, "admin");
        whoIs(forged, "anonymous");
    }

    @Test
    void signing_out_ends_the_session_so_the_old_cookie_no_longer_signs_in() {
        String name = newUser("logout", Role.SCHEDULER);
        String cookie = signInWithForm(name, PASSWORD);
        String second = signInWithForm(name, PASSWORD);
        whoIs(cookie, name);
        given().redirects().follow(false).cookie("quarkus-credential", cookie).when().get("/logout")
                .then().statusCode(303).header("Location", containsString("/login"));
        whoIs(cookie, "anonymous");
        whoIs(second, "anonymous");
        String fresh = signInWithForm(name, PASSWORD);
        whoIs(fresh, name);
    }

    @Test
    void logout_without_a_cookie_goes_to_the_sign_in_page() {
        given().redirects().follow(false).when().get("/logout")
                .then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void a_password_reset_ends_the_cookie_sessions_and_the_cached_basic_credentials() {
        String name = newUser("reset", Role.SCHEDULER);
        String cookie = signInWithForm(name, PASSWORD);
        basic(name, PASSWORD, 200);
        users.resetPassword(users.viewer("admin"), idOf(name), "Harrow-and-seed-2027!");
        whoIs(cookie, "anonymous");
        basic(name, PASSWORD, 401);
        basic(name, "Harrow-and-seed-2027!", 200);
    }

    @Test
    void disabling_a_user_ends_their_sessions_and_enabling_again_does_not_revive_them() {
        String name = newUser("disable", Role.ACCOUNT_MANAGER);
        String cookie = signInWithForm(name, PASSWORD);
        basic(name, PASSWORD, 200);
        users.setEnabled(users.viewer("admin"), idOf(name), false);
        whoIs(cookie, "anonymous");
        basic(name, PASSWORD, 401);
        users.setEnabled(users.viewer("admin"), idOf(name), true);
        whoIs(cookie, "anonymous");
        basic(name, PASSWORD, 200);
    }

    @Test
    void a_lock_after_wrong_passwords_ends_the_sessions_of_that_user() {
        String name = newUser("lock", Role.SCHEDULER);
        String cookie = signInWithForm(name, PASSWORD);
        basic(name, PASSWORD, 200);
        for (int i = 0; i < 5; i++) {
            users.signIn(name, "not-the-password");
        }
        whoIs(cookie, "anonymous");
        basic(name, PASSWORD, 401);
    }
}
