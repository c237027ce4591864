package cn.keyaccount.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;

@ApplicationScoped
class AppUserRepository implements PanacheRepository<AppUser> {

    public Optional<AppUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** The user with their unit, in one statement (every signed-in request reads it). */
    Optional<AppUser> findWithUnit(String username) {
        return find("from AppUser u join fetch u.unit where u.username = ?1", username).firstResultOptional();
    }

    /*
     * Sign-in bookkeeping is written with plain update statements, not through the versioned entity: concurrent
     * sign-ins of one user (an API client with many threads) must not fail each other with optimistic-lock errors.
     */

    void recordSuccess(long id, OffsetDateTime now) {
        update("failedLogins = 0, lockedUntil = null, lastLoginAt = ?1 where id = ?2", now, id);
    }

    /**
     * Counts a failure; when {@code lockable}, locks the account once it reaches {@code max} and ends its sessions.
     * Returns whether it is now locked.
     */
    boolean recordFailure(long id, boolean lockable, int max, OffsetDateTime now, OffsetDateTime lockUntil) {
        update("failedLogins = failedLogins + 1 where id = ?1", id);
        return lockable && update("lockedUntil = ?1, failedLogins = 0, sessionsValidAfter = ?2"
                + " where id = ?3 and failedLogins >= ?4", lockUntil, now, id, max) == 1;
    }

    /** Ends every session of the user (sign-out). */
    void endSessions(String username, OffsetDateTime now) {
        update("sessionsValidAfter = ?1 where username = ?2", now, username);
    }
}
