package cn.keyaccount.outage;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AffectedCustomerRepository implements PanacheRepository<AffectedCustomer> {
}
