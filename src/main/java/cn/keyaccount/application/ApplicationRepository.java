package cn.keyaccount.application;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ApplicationRepository implements PanacheRepository<Application> {
}
