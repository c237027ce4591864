package cn.keyaccount.servicerequest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The escalation job ({@code service-request-escalation}, clustered: one node per firing): an open request whose
 * service level is four fifths gone warns its owner; one whose level has run out tells the supervisor
 * ({@link RequestAlerts}). The respond level stops counting once someone started handling the request (the first
 * contact; a repair's arrival once crews report it), the resolve level when it is closed. One request per
 * transaction under a row lock, its flags set in the same commit, so each warning goes out once.
 */
@ApplicationScoped
public class RequestEscalation {

    private static final String OPEN = "r.status <> cn.keyaccount.servicerequest.RequestStatus.CLOSED";
    private static final String DUE = "select r.id from ServiceRequest r where " + OPEN + " and ("
            + "(r.respondedAt is null and r.respondWarned = false and r.respondWarnAt <= :now) "
            + "or (r.resolveWarned = false and r.resolveWarnAt <= :now) "
            + "or (r.respondedAt is null and r.respondEscalated = false and r.respondDueAt <= :now) "
            + "or (r.resolveEscalated = false and r.resolveDueAt <= :now)) order by r.id";

    private final EntityManager em;
    private final RequestAlerts alerts;
    private final Clock clock;

    RequestEscalation(EntityManager em, RequestAlerts alerts, Clock clock) {
        this.em = em;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Scheduled(identity = "service-request-escalation", every = "{keyaccount.service-request.escalation-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        escalate();
    }

    /** Sends what is due now; returns how many requests it looked at. */
    public int escalate() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(DUE, Long.class)
                .setParameter("now", now).setMaxResults(1000).getResultList());
        for (long id : due) {
            QuarkusTransaction.requiringNew().run(() -> escalate(id, now));
        }
        return due.size();
    }

    private void escalate(long id, OffsetDateTime now) {
        ServiceRequest r = em.find(ServiceRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.getStatus().isClosed()) {
            return;
        }
        for (ServiceLevels.Stage stage : ServiceLevels.Stage.values()) {
            boolean respond = stage == ServiceLevels.Stage.RESPOND;
            if (respond && r.getRespondedAt() != null) {
                continue;
            }
            OffsetDateTime dueAt = respond ? r.getRespondDueAt() : r.getResolveDueAt();
            OffsetDateTime warnAt = respond ? r.getRespondWarnAt() : r.getResolveWarnAt();
            boolean escalated = respond ? r.isRespondEscalated() : r.isResolveEscalated();
            boolean warned = respond ? r.isRespondWarned() : r.isResolveWarned();
            if (dueAt != null && !escalated && !dueAt.isAfter(now)) {
                alerts.tellSupervisor(r, stage);
                r.escalated(stage);
                r.warned(stage);
            } else if (warnAt != null && !warned && !warnAt.isAfter(now)) {
                alerts.warnOwner(r, stage);
                r.warned(stage);
            }
        }
    }
}
