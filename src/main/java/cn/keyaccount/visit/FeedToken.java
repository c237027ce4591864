package cn.keyaccount.visit;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The secret in a manager's private calendar-feed URL; replacing it revokes the old URL. */
@Entity
@Table(name = "visit_feed_token")
public class FeedToken extends AbstractEntity {

    @Column(name = "user_id", nullable = false, unique = true)
    private long userId;
    @Column(nullable = false, unique = true)
    private String token;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    protected FeedToken() {
    }

    FeedToken(long userId, String token) {
        this.userId = userId;
        this.token = token;
    }

    void replace(String newToken) {
        token = newToken;
        createdAt = OffsetDateTime.now();
    }

    public long getUserId() {
        return userId;
    }

    public String getToken() {
        return token;
    }
}
