package cn.keyaccount.energy;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class TariffRepository implements PanacheRepository<Tariff> {
}
