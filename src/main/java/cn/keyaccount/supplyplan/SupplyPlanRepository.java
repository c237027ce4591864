package cn.keyaccount.supplyplan;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class SupplyPlanRepository implements PanacheRepository<SupplyPlan> {
}
