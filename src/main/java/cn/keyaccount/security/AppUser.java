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

    boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
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

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
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

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
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
