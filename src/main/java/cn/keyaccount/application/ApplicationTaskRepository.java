package cn.keyaccount.application;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ApplicationTaskRepository implements PanacheRepository<ApplicationTask> {
}
