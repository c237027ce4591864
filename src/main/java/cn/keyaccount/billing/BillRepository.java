package cn.keyaccount.billing;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class BillRepository implements PanacheRepository<Bill> {
}
