package cn.keyaccount.customer;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class TransformerSuspensionRepository implements PanacheRepository<TransformerSuspension> {
}
