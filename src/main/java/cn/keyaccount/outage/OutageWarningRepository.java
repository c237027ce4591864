package cn.keyaccount.outage;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutageWarningRepository implements PanacheRepository<OutageWarning> {
}
