package cn.keyaccount.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One recorded event: who did what to which record, when, with the state before and after. Never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private OffsetDateTime at;
    @Column(nullable = false)
    private String actor;
    @Column(nullable = false)
    private String action;
    @Column(name = "entity_type", nullable = false)
    private String entityType;
    @Column(name = "entity_id")
    private Long entityId;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "unit_path")
    private String unitPath;
    @Column(nullable = false)
    private String summary;
    @Column(name = "before_json")
    private String beforeJson;
    @Column(name = "after_json")
    private String afterJson;

    protected AuditEvent() {
    }

    AuditEvent(String actor, String action, String entityType, Long entityId, Long customerId, String unitPath,
               String summary, String beforeJson, String afterJson) {
        this.at = OffsetDateTime.now();
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.customerId = customerId;
        this.unitPath = unitPath;
        this.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
        this.beforeJson = beforeJson;
        this.afterJson = afterJson;
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, at, actor, action, entityType, entityId, customerId, summary, beforeJson, afterJson);
    }
}
