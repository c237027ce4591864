package cn.keyaccount.security;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.OrgUnit;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
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
    private final SignInThrottle throttle;
    private final UnknownNames unknownNames;

    private final Clock clock;

    UserService(Clock clock, AppUserRepository users, OrgService org, AuditService audit, SecurityConfig config,
                SignInThrottle throttle) {
        this.clock = clock;
        this.users = users;
        this.org = org;
        this.audit = audit;
        this.config = config;
        this.throttle = throttle;
        this.unknownNames = new UnknownNames(clock, audit);
    }

    public enum SignInResult { OK, BAD_CREDENTIALS, LOCKED, DISABLED, THROTTLED }

    public record SignIn(SignInResult result, Viewer viewer, boolean mustChangePassword) {
    }

    /** A check with no client address (a sign-in the application makes itself, or a test). */
    public SignIn signIn(String username, String password) {
        return signIn(username, password, null);
    }

    /**
     * Checks a password. Failures are throttled per client address and per user name before any hashing or audit
     * write; every refusal costs one password check (so a locked or disabled account does not answer faster), and
     * a user other than an administrator is locked for a while after too many failures in a row.
     */
    @Transactional(dontRollbackOn = RuntimeException.class)
    public SignIn signIn(String username, String password, String clientAddress) {
        if (!throttle.tryAddress(clientAddress)) {
            return refused(SignInResult.THROTTLED);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<AppUser> found = users.findByUsername(username);
        boolean administrator = found.map(u -> u.getRole() == Role.ADMIN).orElse(false);
        String nameKey = SignInThrottle.nameKey(username, administrator, clientAddress);
        if (!throttle.tryName(nameKey)) {
            return refused(SignInResult.THROTTLED);
        }
        if (found.isEmpty()) {
            Passwords.matches(password, DUMMY_HASH);
            unknownNames.record(username, clientAddress);
            return refused(SignInResult.BAD_CREDENTIALS);
        }
        AppUser user = found.get();
        String path = user.getUnit().getPath();
        boolean passwordMatches = Passwords.matches(password, user.getPasswordHash());
        if (!user.isEnabled()) {
            audit.record(username, "LOGIN_REFUSED", "USER", user.getId(), null, path, "account disabled", null, null);
            return refused(SignInResult.DISABLED);
        }
        if (user.isLocked(now)) {
            audit.record(username, "LOGIN_REFUSED", "USER", user.getId(), null, path,
                    "account locked until " + user.getLockedUntil(), null, null);
            return refused(SignInResult.LOCKED);
        }
        if (!passwordMatches) {
            OffsetDateTime until = now.plus(config.lockDuration());
            boolean lockedNow = users.recordFailure(user.getId(), !administrator, config.maxFailedLogins(), now,
                    until);
            audit.record(username, lockedNow ? "LOGIN_LOCKED" : "LOGIN_FAILED", "USER", user.getId(), null, path,
                    (lockedNow ? "too many failed sign-ins: locked until " + until : "wrong password")
                            + from(clientAddress), null, null);
            return refused(SignInResult.BAD_CREDENTIALS);
        }
        throttle.succeeded(clientAddress, nameKey);
        users.recordSuccess(user.getId(), now);
        audit.record(username, "LOGIN", "USER", user.getId(), null, path, "signed in" + from(clientAddress), null,
                null);
        return new SignIn(SignInResult.OK, toViewer(user), user.isMustChangePassword());
    }

    private static SignIn refused(SignInResult result) {
        return new SignIn(result, null, false);
    }

    private static String from(String clientAddress) {
        return clientAddress == null ? "" : " from " + clientAddress;
    }

    /** Whether the client address has used up its failed sign-ins (answered without any work). */
    public boolean throttled(String clientAddress) {
        return throttle.addressExhausted(clientAddress);
    }

    /** The viewer for an already authenticated user; empty when disabled or gone. */
    @Transactional
    public Optional<Viewer> activeViewer(String username) {
        return users.findByUsername(username).filter(AppUser::isEnabled).map(UserService::toViewer);
    }

    /**
     * The identity of a session that began at {@code begun} (a sign-in cookie, a cached password check), carrying
     * whether the user must change their password: one read of the user per request. Null when the user was disabled,
     * locked or removed since, changed their password or signed out.
     */
    @Transactional
    SecurityIdentity sessionIdentity(String username, Instant begun) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return users.findWithUnit(username).filter(u -> u.sessionHolds(begun, now))
                .map(u -> ViewerIdentity.of(toViewer(u), u.isMustChangePassword())).orElse(null);
    }

    /** Signs the user out everywhere: every cookie and cached credential issued until now is refused. */
    @Transactional
    public void endSessions(Viewer viewer) {
        users.endSessions(viewer.username(), OffsetDateTime.now(clock));
        audit.record(viewer.username(), "LOGOUT", "USER", viewer.userId(), null, viewer.unitPath(),
                "signed out: every session of this user ended", null, null);
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
