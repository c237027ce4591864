package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The repair crews (抢修班) per unit, like the generator trucks: name, members, duty mobile, area. Staff read them all
 * (a repair may go to a crew of a unit above the customer's); administrators, and supervisors within their unit,
 * add and change them and name the sign-ins (role REPAIR_CREW) that work for each.
 */
@ApplicationScoped
public class CrewService {

    static final int MAX_ACCOUNTS = 20;
    private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{4,19}");

    private final RepairCrewRepository crews;
    private final OrgService org;
    private final UserService users;
    private final AuditService audit;

    CrewService(RepairCrewRepository crews, OrgService org, UserService users, AuditService audit) {
        this.crews = crews;
        this.org = org;
        this.users = users;
        this.audit = audit;
    }

    /** Every crew, by unit and name, for staff. */
    public List<CrewDetails> list(Viewer viewer) {
        staffOnly(viewer);
        return crews.listAll(Sort.by("unit.path").and("name")).stream().map(RepairCrew::toDetails).toList();
    }

    public CrewDetails get(Viewer viewer, long id) {
        staffOnly(viewer);
        return crew(id).toDetails();
    }

    /** The crew a REPAIR_CREW sign-in works for; empty when none named it yet. */
    public Optional<CrewDetails> crewOf(Viewer viewer) {
        return Optional.ofNullable(crewEntityOf(viewer)).map(RepairCrew::toDetails);
    }

    RepairCrew crewEntityOf(Viewer viewer) {
        if (!viewer.is(Role.REPAIR_CREW)) {
            return null;
        }
        return crews.find("select c from RepairCrew c join c.accounts a where a.id = ?1", viewer.userId())
                .firstResult();
    }

    @Transactional
    public CrewDetails add(Viewer viewer, CrewDraft d) {
        validate(d);
        OrgUnit unit = managedUnit(viewer, d.unitId());
        RepairCrew c = new RepairCrew(unit);
        apply(c, d);
        crews.persistAndFlush(c);
        audit.record(viewer.username(), "REPAIR_CREW_ADDED", "RepairCrew", c.getId(), null, unit.getPath(),
                c.getName(), null, Map.of("members", c.getMembers(), "mobile", c.getMobile()));
        return c.toDetails();
    }

    @Transactional
    public CrewDetails update(Viewer viewer, long id, CrewDraft d) {
        validate(d);
        RepairCrew c = crew(id);
        managedUnit(viewer, c.getUnit().getId());
        if (d.version() != null && d.version() != c.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        if (!d.unitId().equals(c.getUnit().getId())) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("unitId",
                    "error.repair.crew-unit-fixed")));
        }
        apply(c, d);
        crews.flush();
        audit.record(viewer.username(), "REPAIR_CREW_CHANGED", "RepairCrew", c.getId(), null,
                c.getUnit().getPath(), c.getName(), null, Map.of("members", c.getMembers(), "mobile", c.getMobile(),
                        "active", Boolean.toString(c.isActive())));
        return c.toDetails();
    }

    private void apply(RepairCrew c, CrewDraft d) {
        String name = d.name().strip();
        RepairCrew same = crews.find("unit = ?1 and name = ?2", c.getUnit(), name).firstResult();
        if (same != null && same != c) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("name",
                    "error.repair.crew-name-taken", name)));
        }
        c.set(name, d.members().strip(), d.mobile().strip(), d.area(), d.active() == null || d.active());
        Set<AppUser> accounts = new LinkedHashSet<>();
        for (Long userId : d.accountIds() == null ? List.<Long>of() : d.accountIds()) {
            AppUser u = users.account(userId);
            if (u.getRole() != Role.REPAIR_CREW) {
                throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("accountIds",
                        "error.repair.crew-account-role", u.getUsername())));
            }
            RepairCrew other = crews.find("select c from RepairCrew c join c.accounts a where a.id = ?1", userId)
                    .firstResult();
            if (other != null && other != c) {
                throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("accountIds",
                        "error.repair.crew-account-taken", u.getUsername(), other.getName())));
            }
            accounts.add(u);
        }
        c.getAccounts().clear();
        c.getAccounts().addAll(accounts);
    }

    /** The sign-ins (role REPAIR_CREW) a crew may be given, by name or username. */
    public List<CrewDetails.Account> crewAccounts(Viewer viewer, String search) {
        staffOnly(viewer);
        List<CrewDetails.Account> found = new ArrayList<>();
        users.list(Viewer.system(), Role.REPAIR_CREW, search, 0, 50).forEach(u ->
                found.add(new CrewDetails.Account(u.id(), u.username(), u.displayName())));
        return found;
    }

    private OrgUnit managedUnit(Viewer viewer, long unitId) {
        if (!(viewer.isAdmin() || viewer.isSupervisor())) {
            throw BusinessException.forbidden("error.repair.crew-forbidden");
        }
        OrgUnit unit = org.unit(unitId);
        if (!viewer.isAdmin() && !unit.getPath().startsWith(viewer.unitPath())) {
            throw BusinessException.forbidden("error.repair.crew-forbidden");
        }
        return unit;
    }

    private RepairCrew crew(long id) {
        RepairCrew c = crews.findById(id);
        if (c == null) {
            throw BusinessException.notFound("error.repair.crew-not-found", id);
        }
        return c;
    }

    private static void staffOnly(Viewer viewer) {
        if (viewer.isCustomer() || viewer.is(Role.REPAIR_CREW)) {
            throw BusinessException.forbidden("error.repair.crew-forbidden");
        }
    }

    private static void validate(CrewDraft d) {
        new Validation().require(d.unitId() != null, "unitId", "error.required")
                .notBlank(d.name(), "name").maxLength(d.name(), 100, "name")
                .notBlank(d.members(), "members").maxLength(d.members(), 500, "members")
                .notBlank(d.mobile(), "mobile")
                .require(d.mobile() == null || d.mobile().isBlank() || PHONE.matcher(d.mobile().strip()).matches(),
                        "mobile", "error.repair.crew-mobile")
                .require(d.area() != null, "area", "error.required")
                .maxSize(d.accountIds(), MAX_ACCOUNTS, "accountIds").throwIfInvalid();
    }
}
