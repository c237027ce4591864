package cn.keyaccount.security;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.org.OrgUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

@Entity
@Table(name = "app_user")
public class AppUser extends AbstractEntity {

    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private OrgUnit unit;
    private String mobile;
    private String email;
    @Column(nullable = false)
    private boolean enabled = true;
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;
    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;
    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;
    /** Sessions (sign-in cookies, cached basic checks) begun at or before this moment are over. */
    @Column(name = "sessions_valid_after")
    private OffsetDateTime sessionsValidAfter;
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, String displayName, Role role, OrgUnit unit) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.unit = unit;
    }

    /** Administrators are never locked (they are throttled per client address instead). */
    boolean isLocked(OffsetDateTime now) {
        return role != Role.ADMIN && lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Whether a session begun at {@code begun} (a sign-in) still holds. */
    boolean sessionHolds(Instant begun, OffsetDateTime now) {
        return enabled && !isLocked(now) && (sessionsValidAfter == null || begun.isAfter(sessionsValidAfter.toInstant()));
    }

    /** Ends every session of this user: cookies and cached credentials issued until now are refused. */
    void endSessions() {
        sessionsValidAfter = OffsetDateTime.now();
    }

    /** An administrator's reset or re-enable lifts a lock. */
    void clearLock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    /** A new password ends every session that began with the old one, whoever changes it. */
    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        endSessions();
    }

    public String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    void setRole(Role role) {
        this.role = role;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    void setUnit(OrgUnit unit) {
        this.unit = unit;
    }

    public String getMobile() {
        return mobile;
    }

    void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Disabling ends every session, so that enabling again does not revive old cookies. */
    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            endSessions();
        }
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    /** Set when someone other than the user chose the password: the user chooses their own at the next sign-in. */
    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    public OffsetDateTime getLastLoginAt() {
        return lastLoginAt;
    }
}
