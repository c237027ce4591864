package cn.keyaccount.visit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class VisitPolicyRepository implements PanacheRepository<VisitPolicy> {
}
