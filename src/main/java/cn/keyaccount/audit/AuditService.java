package cn.keyaccount.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Records sign-ins and every change to customers, contacts and assignments, and reads them back. */
@ApplicationScoped
public class AuditService {


    private final AuditEventRepository events;
    private final ObjectMapper json;

    private final Clock clock;

    AuditService(Clock clock, AuditEventRepository events, ObjectMapper json) {
        this.clock = clock;
        this.events = events;
        this.json = json;
    }

    /** Joins the caller's transaction, so the record and the change it describes commit together. */
    @Transactional
    public void record(String actor, String action, String entityType, Long entityId, Long customerId,
                       String unitPath, String summary, Object before, Object after) {
        events.persist(new AuditEvent(actor, action, entityType, entityId, customerId, unitPath, summary,
                toJson(before), toJson(after)));
    }

    /** For events that must be kept even when the caller's work fails (e.g. a refused sign-in). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSeparately(String actor, String action, String entityType, Long entityId, String unitPath,
                                 String summary) {
        events.persist(new AuditEvent(actor, action, entityType, entityId, null, unitPath, summary, null, null));
    }

    public List<AuditEntry> find(AuditQuery query, int page, int size) {
        Filter filter = filter(query);
        return events.find(filter.where, Sort.descending("at", "id"), filter.params)
                .page(Page.of(page, size)).list().stream().map(AuditEvent::toEntry).toList();
    }

    /**
     * One page of a customer's trail for its timeline, in one statement: the events of the given entity types, newest
     * first (then by id), from (inclusive) to (exclusive), and before the cursor (older than {@code beforeAt}, or at
     * that moment with an id below {@code beforeId}); open bounds are null.
     */
    public List<AuditEntry> customerTrail(long customerId, Collection<String> entityTypes, OffsetDateTime from,
                                          OffsetDateTime to, OffsetDateTime beforeAt, long beforeId, int limit) {
        List<String> where = new ArrayList<>(List.of("customerId = :customer", "entityType in :types"));
        Parameters params = Parameters.with("customer", customerId).and("types", entityTypes);
        if (from != null) {
            where.add("at >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("at < :to");
            params.and("to", to);
        }
        if (beforeAt != null) {
            where.add("(at < :beforeAt or (at = :beforeAt and id < :beforeId))");
            params.and("beforeAt", beforeAt).and("beforeId", beforeId);
        }
        return events.find(String.join(" and ", where), Sort.descending("at", "id"), params)
                .page(Page.ofSize(limit)).list().stream().map(AuditEvent::toEntry).toList();
    }

    public long count(AuditQuery query) {
        Filter filter = filter(query);
        return events.count(filter.where, filter.params);
    }

    private record Filter(String where, Parameters params) {
    }

    private Filter filter(AuditQuery q) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("1 = 1");
        if (q.unitPathPrefix() != null) {
            where.add("unitPath like :path");
            params.and("path", q.unitPathPrefix() + "%");
        }
        if (q.customerId() != null) {
            where.add("customerId = :customer");
            params.and("customer", q.customerId());
        }
        if (q.actor() != null && !q.actor().isBlank()) {
            where.add("actor = :actor");
            params.and("actor", q.actor().trim());
        }
        if (q.action() != null && !q.action().isBlank()) {
            where.add("action = :action");
            params.and("action", q.action());
        }
        if (q.from() != null) {
            where.add("at >= :from");
            params.and("from", q.from().atStartOfDay(clock.getZone()).toOffsetDateTime());
        }
        if (q.to() != null) {
            where.add("at < :to");
            params.and("to", q.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        }
        return new Filter(String.join(" and ", where), params);
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an audit snapshot", e);
        }
    }
}
