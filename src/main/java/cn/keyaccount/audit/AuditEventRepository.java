package cn.keyaccount.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class AuditEventRepository implements PanacheRepository<AuditEvent> {
}
