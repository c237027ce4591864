package cn.keyaccount.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.security.UserService.SignInResult;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInThrottlingTest {

    @Inject
    UserService users;

    @Inject
    AuditService audit;

    private String newUser(String name) {
        Viewer admin = users.viewer("admin");
        users.create(admin, new NewUser(name, "Correct#2026", "测试用户 " + name, Role.SCHEDULER, 3L, null, null));
        return name;
    }

    @Test
    void five_wrong_passwords_in_a_row_lock_the_account_even_for_the_right_password() {
        String name = newUser("throttle-" + System.nanoTime());
        for (int i = 0; i < 4; i++) {
            assertEquals(SignInResult.BAD_CREDENTIALS, users.signIn(name, "wrong").result());
        }
        assertEquals(SignInResult.OK, users.signIn(name, "Correct#2026").result(), "four failures do not lock");
        for (int i = 0; i < 5; i++) {
            users.signIn(name, "wrong");
        }
        assertEquals(SignInResult.LOCKED, users.signIn(name, "Correct#2026").result());
        long lockEvents = audit.count(new AuditQuery(null, null, name, "LOGIN_LOCKED", null, null));
        assertEquals(1, lockEvents, "the lock is in the audit log");
    }

    @Test
    void an_administrator_resetting_the_password_lifts_the_lock() {
        String name = newUser("reset-" + System.nanoTime());
        for (int i = 0; i < 5; i++) {
            users.signIn(name, "wrong");
        }
        assertEquals(SignInResult.LOCKED, users.signIn(name, "Correct#2026").result());
        Viewer admin = users.viewer("admin");
        long id = users.list(admin, null, name, 0, 1).get(0).id();
        users.resetPassword(admin, id, "Another#2026");
        assertEquals(SignInResult.OK, users.signIn(name, "Another#2026").result());
    }

    @Test
    void a_disabled_user_cannot_sign_in_and_each_attempt_is_audited() {
        String name = newUser("disabled-" + System.nanoTime());
        Viewer admin = users.viewer("admin");
        long id = users.list(admin, null, name, 0, 1).get(0).id();
        users.setEnabled(admin, id, false);
        assertEquals(SignInResult.DISABLED, users.signIn(name, "Correct#2026").result());
        assertTrue(audit.count(new AuditQuery(null, null, name, "LOGIN_REFUSED", null, null)) >= 1);
        assertTrue(users.activeViewer(name).isEmpty(), "a signed-in cookie of a disabled user is no longer honoured");
    }

    @Test
    void many_simultaneous_sign_ins_of_one_user_all_succeed() throws Exception {
        String name = newUser("parallel-" + System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SignInResult>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> users.signIn(name, "Correct#2026").result()));
            }
            for (Future<SignInResult> result : results) {
                assertEquals(SignInResult.OK, result.get(), "no sign-in fails because another one ran at the same time");
            }
        } finally {
            pool.shutdown();
        }
    }
}
