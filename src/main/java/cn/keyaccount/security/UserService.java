package cn.keyaccount.security;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.OrgUnit;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Users, their sign-in (with throttling of repeated failures) and the viewer each request acts as. */
@ApplicationScoped
public class UserService {

    static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{3,64}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Verified against when the user does not exist, so that a missing user costs the same time. */
    private static final String DUMMY_HASH = Passwords.hash("not-a-real-password");

    private final AppUserRepository users;
    private final OrgService org;
    private final AuditService audit;
    private final SecurityConfig config;

    UserService(AppUserRepository users, OrgService org, AuditService audit,
                SecurityConfig config) {
        this.users = users;
        this.org = org;
        this.audit = audit;
        this.config = config;
    }

    public enum SignInResult { OK, BAD_CREDENTIALS, LOCKED, DISABLED }

    public record SignIn(SignInResult result, Viewer viewer) {
    }

    /** Checks a password; counts failures and locks the account for a while after too many in a row. */
    @Transactional(dontRollbackOn = RuntimeException.class)
    public SignIn signIn(String username, String password) {
        OffsetDateTime now = OffsetDateTime.now();
        Optional<AppUser> found = users.findByUsername(username);
        if (found.isEmpty()) {
            Passwords.matches(password, DUMMY_HASH);
            audit.record(username, "LOGIN_FAILED", "USER", null, null, null, "unknown user", null, null);
            return new SignIn(SignInResult.BAD_CREDENTIALS, null);
        }
        AppUser user = found.get();
        String path = user.getUnit().getPath();
        if (!user.isEnabled()) {
            audit.record(username, "LOGIN_REFUSED", "USER", user.getId(), null, path, "account disabled", null, null);
            return new SignIn(SignInResult.DISABLED, null);
        }
        if (user.isLocked(now)) {
            audit.record(username, "LOGIN_REFUSED", "USER", user.getId(), null, path,
                    "account locked until " + user.getLockedUntil(), null, null);
            return new SignIn(SignInResult.LOCKED, null);
        }
        if (!Passwords.matches(password, user.getPasswordHash())) {
            OffsetDateTime until = now.plus(config.lockDuration());
            boolean lockedNow = users.recordFailure(user.getId(), config.maxFailedLogins(), until);
            audit.record(username, lockedNow ? "LOGIN_LOCKED" : "LOGIN_FAILED", "USER", user.getId(), null, path,
                    lockedNow ? "too many failed sign-ins: locked until " + until : "wrong password", null, null);
            return new SignIn(SignInResult.BAD_CREDENTIALS, null);
        }
        users.recordSuccess(user.getId(), now);
        audit.record(username, "LOGIN", "USER", user.getId(), null, path, "signed in", null, null);
        return new SignIn(SignInResult.OK, toViewer(user));
    }

    /** The viewer for an already authenticated user (form-login cookie); empty when disabled or gone. */
    @Transactional
    public Optional<Viewer> activeViewer(String username) {
        return users.findByUsername(username).filter(AppUser::isEnabled).map(UserService::toViewer);
    }

    public Viewer viewer(String username) {
        return activeViewer(username).orElseThrow(() -> BusinessException.forbidden("error.user-unknown"));
    }

    private static Viewer toViewer(AppUser u) {
        return new Viewer(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.getUnit().getId(),
                u.getUnit().getPath());
    }

    @Transactional
    public UserSummary create(Viewer actor, NewUser user) {
        requireAdmin(actor);
        Validation validation = new Validation()
                .require(user.username() != null && USERNAME.matcher(user.username()).matches(), "username",
                        "error.username-format")
                .require(user.username() == null || users.findByUsername(user.username()).isEmpty(), "username",
                        "error.username-taken", user.username())
                .notBlank(user.displayName(), "displayName").maxLength(user.displayName(), 100, "displayName")
                .require(user.role() != null, "role", "error.required")
                .require(user.unitId() != null, "unitId", "error.required")
                .require(blank(user.mobile()) || MOBILE.matcher(user.mobile()).matches(), "mobile",
                        "error.mobile-format");
        PasswordRules.check(validation, "password", user.password(), user.username()).throwIfInvalid();
        OrgUnit unit = unit(user.unitId());
        AppUser created = new AppUser(user.username(), Passwords.hash(user.password()), user.displayName().trim(),
                user.role(), unit);
        created.setMobile(blank(user.mobile()) ? null : user.mobile());
        created.setEmail(blank(user.email()) ? null : user.email().trim());
        users.persist(created);
        audit.record(actor.username(), "USER_CREATED", "USER", created.getId(), null, unit.getPath(),
                "user " + created.getUsername() + " (" + created.getRole() + ")", null, null);
        return UserSummary.of(created);
    }

    @Transactional
    public UserSummary setEnabled(Viewer actor, long userId, boolean enabled) {
        requireAdmin(actor);
        AppUser user = find(userId);
        user.setEnabled(enabled);
        user.clearLock();
        audit.record(actor.username(), enabled ? "USER_ENABLED" : "USER_DISABLED", "USER", userId, null,
                user.getUnit().getPath(), user.getUsername(), null, null);
        return UserSummary.of(user);
    }

    /** An administrator sets another's password; the user chooses their own at the next sign-in. */
    @Transactional
    public void resetPassword(Viewer actor, long userId, String password) {
        requireAdmin(actor);
        AppUser user = find(userId);
        PasswordRules.check(new Validation(), "password", password, user.getUsername()).throwIfInvalid();
        user.setPasswordHash(Passwords.hash(password));
        user.setMustChangePassword(true);
        user.clearLock();
        audit.record(actor.username(), "PASSWORD_RESET", "USER", userId, null, user.getUnit().getPath(),
                user.getUsername(), null, null);
    }

    /**
     * The user changes their own password: the current one is required (a session left open is not enough), the new
     * one meets {@link PasswordRules} and differs from it. Audited. The user signs in again with the new password.
     */
    @Transactional
    public void changeOwnPassword(Viewer actor, String current, String next) {
        AppUser user = find(actor.userId());
        Validation validation = new Validation()
                .require(current != null && Passwords.matches(current, user.getPasswordHash()), "current",
                        "error.current-password-wrong");
        PasswordRules.check(validation, "new", next, user.getUsername())
                .require(next == null || !next.equals(current), "new", "error.password-unchanged")
                .throwIfInvalid();
        user.setPasswordHash(Passwords.hash(next));
        user.setMustChangePassword(false);
        audit.record(actor.username(), "PASSWORD_CHANGED", "USER", user.getId(), null, user.getUnit().getPath(),
                user.getUsername(), null, null);
    }

    /** Whether the user must choose a new password before anything else (false for an unknown user). */
    @Transactional
    public boolean mustChangePassword(String username) {
        return users.findByUsername(username).map(AppUser::isMustChangePassword).orElse(false);
    }

    /** Users visible to the actor: everyone for admins, their subtree for supervisors, otherwise themselves. */
    public List<UserSummary> list(Viewer actor, Role role, String search, int page, int size) {
        Query q = query(actor, role, search);
        return users.find(q.where, Sort.by("displayName").and("id"), q.params).page(Page.of(page, size))
                .list().stream().map(UserSummary::of).toList();
    }

    public long count(Viewer actor, Role role, String search) {
        Query q = query(actor, role, search);
        return users.count(q.where, q.params);
    }

    /** Managers in the actor's part of the organisation, for pickers. */
    public List<UserSummary> managers(Viewer actor) {
        return list(actor, Role.ACCOUNT_MANAGER, null, 0, 10_000).stream().filter(UserSummary::enabled).toList();
    }

    public UserSummary get(Viewer actor, long userId) {
        AppUser user = find(userId);
        if (!actor.isAdmin() && !user.getUnit().getPath().startsWith(actor.unitPath()) && actor.userId() != userId) {
            throw BusinessException.notFound("error.user-not-found", userId);
        }
        return UserSummary.of(user);
    }

    private record Query(String where, Parameters params) {
    }

    private static Query query(Viewer actor, Role role, String search) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!actor.isAdmin()) {
            if (actor.isSupervisor() || actor.is(Role.SCHEDULER)) {
                where.append(" and unit.path like :path");
                params.and("path", actor.unitPath() + "%");
            } else {
                where.append(" and id = :self");
                params.and("self", actor.userId());
            }
        }
        if (role != null) {
            where.append(" and role = :role");
            params.and("role", role);
        }
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(displayName) like :q or lower(username) like :q)");
            params.and("q", "%" + search.trim().toLowerCase() + "%");
        }
        return new Query(where.toString(), params);
    }

    private AppUser find(long id) {
        AppUser user = users.findById(id);
        if (user == null) {
            throw BusinessException.notFound("error.user-not-found", id);
        }
        return user;
    }

    private OrgUnit unit(long id) {
        return org.unit(id);
    }

    /** The user entity, for features that hold a reference to it (customer managers, portal users). */
    public AppUser account(long id) {
        return find(id);
    }

    private static void requireAdmin(Viewer actor) {
        if (!actor.isAdmin()) {
            throw BusinessException.forbidden("error.forbidden");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
