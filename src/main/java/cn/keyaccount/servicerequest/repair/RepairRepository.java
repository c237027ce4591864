package cn.keyaccount.servicerequest.repair;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class RepairRepository implements PanacheRepository<Repair> {
}
