package cn.keyaccount.org;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** The organisation tree: units and their subtrees. */
@ApplicationScoped
public class OrgService {

    private final OrgUnitRepository units;

    OrgService(OrgUnitRepository units) {
        this.units = units;
    }

    public UnitDetails get(long id) {
        return UnitDetails.of(find(id));
    }

    /** The unit entity, for features that hold a reference to it (customers, users). */
    public OrgUnit unit(long id) {
        return find(id);
    }

    OrgUnit find(long id) {
        OrgUnit unit = units.findById(id);
        if (unit == null) {
            throw BusinessException.notFound("error.unit-not-found", id);
        }
        return unit;
    }

    /** The unit and every unit below it, in tree order. */
    public List<UnitDetails> subtree(long unitId) {
        return units.subtree(find(unitId).getPath()).stream().map(UnitDetails::of).toList();
    }

    public List<UnitDetails> all() {
        return units.list("order by path").stream().map(UnitDetails::of).toList();
    }

    public boolean isWithin(String path, long ancestorUnitId) {
        return path.startsWith(find(ancestorUnitId).getPath());
    }

    @Transactional
    public UnitDetails create(String code, String name, String nameEn, OrgUnit.Level level, Long parentId) {
        new Validation()
                .notBlank(code, "code").maxLength(code, 32, "code")
                .notBlank(name, "name").maxLength(name, 100, "name")
                .require(level != null, "level", "error.required")
                .require(code == null || units.count("code", code) == 0, "code", "error.unit-code-taken", code)
                .throwIfInvalid();
        OrgUnit parent = parentId == null ? null : find(parentId);
        if (parent == null && level != OrgUnit.Level.PROVINCE) {
            throw BusinessException.invalid("error.unit-needs-parent");
        }
        if (parent != null && parent.getLevel().ordinal() >= level.ordinal()) {
            throw BusinessException.invalid("error.unit-level-order");
        }
        OrgUnit unit = new OrgUnit(code.trim(), name.trim(), nameEn, level, parent);
        units.persistAndFlush(unit);
        unit.assignPath();
        return UnitDetails.of(unit);
    }
}
