package cn.keyaccount.outage;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutageRepository implements PanacheRepository<Outage> {
}
