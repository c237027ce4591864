package cn.keyaccount.visit;

import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;

/**
 * Reminders the day before each visit. Today the manager sees them in the app; the notice engine, once it exists,
 * calls {@link #dueTomorrow(LocalDate)} from its daily job and sends them through its channels (this feature sends
 * nothing itself).
 */
@ApplicationScoped
public class VisitReminders {

    private static final String SELECT = "select new cn.keyaccount.visit.VisitReminder(v.id, m.id, m.username, "
            + "m.displayName, c.id, c.name, v.plannedDate, v.plannedTime, v.type) "
            + "from Visit v join v.manager m join v.customer c where v.plannedDate = :day and v.status in "
            + "(cn.keyaccount.visit.VisitStatus.PLANNED, cn.keyaccount.visit.VisitStatus.CONFIRMED)";

    private final EntityManager em;

    VisitReminders(EntityManager em) {
        this.em = em;
    }

    /** Every open visit on the day after {@code today}, for every manager: the seam for the notice engine. */
    public List<VisitReminder> dueTomorrow(LocalDate today) {
        return em.createQuery(SELECT + " order by m.id, v.plannedTime nulls last, v.id", VisitReminder.class)
                .setParameter("day", today.plusDays(1)).getResultList();
    }

    /** The signed-in manager's visits tomorrow (Asia/Shanghai), for the in-app reminder list. */
    public List<VisitReminder> forManager(Viewer viewer) {
        return em.createQuery(SELECT + " and m.id = :manager order by v.plannedTime nulls last, v.id",
                        VisitReminder.class)
                .setParameter("day", VisitDates.today().plusDays(1)).setParameter("manager", viewer.userId())
                .getResultList();
    }
}
