package cn.keyaccount.report;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class EnergyReportRepository implements PanacheRepository<EnergyReport> {
}
