package cn.keyaccount.security;

import java.time.OffsetDateTime;

public record UserSummary(long id, String username, String displayName, Role role, long unitId, String unitName,
                          String unitPath, String mobile, String email, boolean enabled, OffsetDateTime lockedUntil,
                          OffsetDateTime lastLoginAt) {

    static UserSummary of(AppUser u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.getUnit().getId(),
                u.getUnit().getName(), u.getUnit().getPath(), u.getMobile(), u.getEmail(), u.isEnabled(),
                u.getLockedUntil(), u.getLastLoginAt());
    }
}
