package cn.keyaccount.opportunity;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class OpportunityRepository implements PanacheRepository<Opportunity> {
}
