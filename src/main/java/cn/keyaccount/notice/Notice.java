package cn.keyaccount.notice;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** What was to be said, to whom, and when: fanned out into {@link NoticeMessage}s when scheduled. */
@Entity
@Table(name = "notice")
public class Notice extends AbstractEntity {

    @Column(nullable = false)
    private String purpose;
    @Column(nullable = false)
    private String template;
    @Column(nullable = false)
    private String language;
    @Column(nullable = false)
    private String title;
    @Column(name = "planned_at", nullable = false)
    private OffsetDateTime plannedAt;
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;
    private boolean urgent;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "unit_path", nullable = false)
    private String unitPath;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    private int skipped;
    @Column(name = "dedupe_key")
    private String dedupeKey;

    protected Notice() {
    }

    Notice(String purpose, String template, String language, String title, OffsetDateTime plannedAt,
           OffsetDateTime expiresAt, boolean urgent, String createdBy, String unitPath) {
        this.purpose = purpose;
        this.template = template;
        this.language = language;
        this.title = title;
        this.plannedAt = plannedAt;
        this.expiresAt = expiresAt;
        this.urgent = urgent;
        this.createdBy = createdBy;
        this.unitPath = unitPath;
        this.createdAt = OffsetDateTime.now();
    }

    void setDedupeKey(String dedupeKey) {
        this.dedupeKey = dedupeKey;
    }

    void setSkipped(int skipped) {
        this.skipped = skipped;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getTemplate() {
        return template;
    }

    public String getLanguage() {
        return language;
    }

    public String getTitle() {
        return title;
    }

    public OffsetDateTime getPlannedAt() {
        return plannedAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public int getSkipped() {
        return skipped;
    }
}
