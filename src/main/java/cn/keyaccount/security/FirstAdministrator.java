package cn.keyaccount.security;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.StartupLock;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.org.UnitDetails;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A real deployment starts with no users but one administrator: {@code KEYACCOUNT_ADMIN_USER} (default {@code admin})
 * in a root unit named {@code KEYACCOUNT_COMPANY_NAME} (made when there is no unit yet), with the password of
 * {@code KEYACCOUNT_ADMIN_PASSWORD} or, when that is unset, a generated one printed once in the log. Either way the
 * administrator must choose their own password at the first sign-in. Runs after the demo seeder (which fills an empty
 * database when the demo was asked for), under the start-up lock, so nodes starting together make one administrator.
 */
@ApplicationScoped
class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String ROOT_UNIT_CODE = "ROOT";

    private final AppUserRepository users;
    private final OrgService org;
    private final AuditService audit;
    private final StartupLock lock;

    FirstAdministrator(AppUserRepository users, OrgService org, AuditService audit, StartupLock lock) {
        this.users = users;
        this.org = org;
        this.audit = audit;
        this.lock = lock;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 550) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.admin.username") String username,
                 @ConfigProperty(name = "keyaccount.admin.initial-password") Optional<String> password,
                 @ConfigProperty(name = "keyaccount.admin.company-name") String companyName) {
        lock.holding(StartupLock.FIRST_START, () -> createIfNoUsers(username, password, companyName));
    }

    /** Makes the first administrator when the database has no user at all; returns whether it did. */
    @Transactional
    boolean createIfNoUsers(String username, Optional<String> configured, String companyName) {
        if (users.count() > 0) {
            return false;
        }
        if (username == null || !UserService.USERNAME.matcher(username).matches()) {
            throw new IllegalStateException("KEYACCOUNT_ADMIN_USER \"" + username + "\" is not a valid user name "
                    + "(3-64 letters, digits, dots, underscores or hyphens)");
        }
        String password = configured.filter(p -> !p.isEmpty()).orElse(null);
        if (password != null && PasswordRules.brokenRule(password, username) != null) {
            throw new IllegalStateException("KEYACCOUNT_ADMIN_PASSWORD does not meet the password rules ("
                    + PasswordRules.MIN_LENGTH + " characters or more, not containing the user name, not a common "
                    + "password): set another or leave it unset to have one generated");
        }
        boolean generated = password == null;
        if (generated) {
            password = generatedPassword(username);
        }
        OrgUnit unit = org.unit(rootUnit(companyName).id());
        AppUser admin = new AppUser(username, Passwords.hash(password), "系统管理员", Role.ADMIN, unit);
        admin.setMustChangePassword(true);
        users.persist(admin);
        audit.record("system", "USER_CREATED", "USER", admin.getId(), null, unit.getPath(),
                "first administrator " + username + " (" + (generated ? "generated" : "configured") + " password)",
                null, null);
        if (generated) {
            LOG.warnf("%n%n  First administrator created: user \"%s\", initial password \"%s\"%n"
                    + "  This password is shown only now; it must be changed at the first sign-in.%n", username,
                    password);
        } else {
            LOG.infof("First administrator created: user \"%s\" with the password of KEYACCOUNT_ADMIN_PASSWORD; it "
                    + "must be changed at the first sign-in", username);
        }
        return true;
    }

    private UnitDetails rootUnit(String companyName) {
        return org.all().stream().filter(u -> u.parentId() == null).findFirst()
                .orElseGet(() -> org.create(ROOT_UNIT_CODE, companyName, null, OrgUnit.Level.PROVINCE, null));
    }

    /** 16 characters from 57 letters and digits (about 93 bits), meeting the password rules. */
    static String generatedPassword(String username) {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (PasswordRules.brokenRule(password.toString(), username) == null) {
                return password.toString();
            }
        }
    }
}
