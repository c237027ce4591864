package cn.keyaccount.opportunity;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.org.OrgUnitQueries;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The opportunities as the viewer may see them (the customers they may see): one, a page of a filtered list (next
 * step first), its count, and the pipeline (count and expected value per stage), each in one statement. Each read
 * is a transaction of its own, so that it sees what a change committed just before (not an entity an earlier read of
 * the same request left in its session).
 */
@ApplicationScoped
@Transactional
public class OpportunityQueries {

    private static final String FROM = " from Opportunity o join o.customer c join o.owner m";
    private static final String FETCHED = "select o from Opportunity o join fetch o.customer c join fetch o.owner m";

    private final EntityManager em;

    OpportunityQueries(EntityManager em) {
        this.em = em;
    }

    public OpportunityDetails get(Viewer viewer, long id) {
        List<Opportunity> found = query(viewer, FETCHED,
                new OpportunityFilter(null, null, null, null, null, false), " and o.id = :id", Opportunity.class)
                .setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            throw BusinessException.notFound("opportunity.error.not-found", id);
        }
        return details(found.getFirst());
    }

    /** A page, the next step due first (those without one last), then the newest. */
    public List<OpportunityDetails> page(Viewer viewer, OpportunityFilter filter, int offset, int limit) {
        return query(viewer, FETCHED, filter,
                " order by o.nextStepDate asc nulls last, o.id desc", Opportunity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(this::details).toList();
    }

    public long count(Viewer viewer, OpportunityFilter filter) {
        return query(viewer, "select count(o)" + FROM, filter, "", Long.class).getSingleResult();
    }

    /** Per stage (all five, in order), how many and their expected yearly value; the stage filter is ignored. */
    public PipelineSummary pipeline(Viewer viewer, OpportunityFilter filter) {
        OpportunityFilter f = new OpportunityFilter(null, filter.ownerId(), filter.unitId(), filter.customerId(),
                filter.tagCode(), false);
        Map<OpportunityStage, PipelineSummary.StageTotal> byStage = new EnumMap<>(OpportunityStage.class);
        for (Object[] r : query(viewer, "select o.stage, count(o), coalesce(sum(o.expectedValue), 0)" + FROM, f,
                " group by o.stage", Object[].class).getResultList()) {
            OpportunityStage stage = (OpportunityStage) r[0];
            byStage.put(stage, new PipelineSummary.StageTotal(stage, (Long) r[1], money(r[2])));
        }
        List<PipelineSummary.StageTotal> stages = new ArrayList<>();
        long openCount = 0;
        BigDecimal openValue = money(BigDecimal.ZERO);
        for (OpportunityStage stage : OpportunityStage.values()) {
            PipelineSummary.StageTotal t = byStage.getOrDefault(stage,
                    new PipelineSummary.StageTotal(stage, 0, money(BigDecimal.ZERO)));
            stages.add(t);
            if (!stage.isClosed()) {
                openCount += t.count();
                openValue = openValue.add(t.value());
            }
        }
        return new PipelineSummary(stages, openCount, openValue);
    }

    /** The open opportunities whose next step falls on the day, for the owner's reminder. */
    List<Opportunity> dueOn(LocalDate day) {
        return em.createQuery(FETCHED + " where o.nextStepDate = :day and o.stage in :open order by o.id",
                        Opportunity.class).setParameter("day", day)
                .setParameter("open", OpportunityStage.OPEN).getResultList();
    }

    OpportunityDetails details(Opportunity o) {
        return new OpportunityDetails(o.getId(), o.getVersion(), o.getCustomer().getId(),
                o.getCustomer().getAccountNo(), o.getCustomer().getName(), o.getTagCode(),
                Messages.get(Messages.CHINESE, o.getTagLabelKey()), Messages.get(Messages.ENGLISH, o.getTagLabelKey()),
                o.getTagReason(), o.getOwner().getId(), o.getOwner().getDisplayName(), o.getStage(),
                o.getLostReason(), o.getExpectedValue(), o.getNextStep(), o.getNextStepDate(), o.getVisitId(),
                o.getApplicationId(), o.getReportId(), o.getCreatedAt(), o.getUpdatedAt(), o.getClosedAt());
    }

    private <T> TypedQuery<T> query(Viewer viewer, String select, OpportunityFilter f, String tail, Class<T> type) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        List<String> where = new ArrayList<>(List.of(scope.where()));
        Parameters params = new Parameters();
        scope.params().map().forEach(params::and);
        if (f.stage() != null) {
            where.add("o.stage = :stage");
            params.and("stage", f.stage());
        }
        if (f.openOnly()) {
            where.add("o.stage in :open");
            params.and("open", OpportunityStage.OPEN);
        }
        if (f.ownerId() != null) {
            where.add("m.id = :owner");
            params.and("owner", f.ownerId());
        }
        if (f.unitId() != null) {
            where.add("c.unit.path like " + OrgUnitQueries.subtreePattern("unit"));
            params.and("unit", f.unitId());
        }
        if (f.customerId() != null) {
            where.add("c.id = :customer");
            params.and("customer", f.customerId());
        }
        if (f.tagCode() != null) {
            where.add("o.tagCode = :tag");
            params.and("tag", f.tagCode());
        }
        String order = tail.startsWith(" and") ? tail : "";
        String rest = tail.startsWith(" and") ? "" : tail;
        TypedQuery<T> q = em.createQuery(select + " where " + String.join(" and ", where) + order + rest, type);
        params.map().forEach(q::setParameter);
        return q;
    }

    private static BigDecimal money(Object value) {
        BigDecimal v = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
