package cn.keyaccount.outage;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class OutageWarningAckRepository implements PanacheRepository<OutageWarningAck> {
}
