package cn.keyaccount.audit;

import java.time.OffsetDateTime;

public record AuditEntry(Long id, OffsetDateTime at, String actor, String action, String entityType, Long entityId,
                         Long customerId, String summary, String beforeJson, String afterJson) {
}
