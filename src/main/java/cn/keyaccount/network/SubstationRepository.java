package cn.keyaccount.network;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class SubstationRepository implements PanacheRepository<Substation> {
}
