package cn.keyaccount.org;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class OrgUnitRepository implements PanacheRepository<OrgUnit> {

    public List<OrgUnit> subtree(String path) {
        return list("path like ?1 order by path", path + "%");
    }
}
