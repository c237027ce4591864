package cn.keyaccount.assignment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class AssignmentRepository implements PanacheRepository<Assignment> {
}
