package cn.keyaccount.portrait;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The segments' service strategies (客户分群服务策略): supervisors and administrators read and write them per segment
 * (audited, version-checked); whoever may see a customer of staff reads the strategy of the customer's segment, as
 * the portrait shows it. A customer user never sees a strategy: it is how the company treats them.
 */
@ApplicationScoped
public class SegmentStrategies {

    static final int OFFERS_MAX = 2000;
    static final int TALKING_POINTS_MAX = 4000;

    /** The segment a customer is in now, by what names it (the last run's rows). */
    private static final String SEGMENT_OF = "select s.kind, s.ordinal, s.weekend_reduced from portrait_customer pc "
            + "join portrait_segment s on s.id = pc.segment_id where pc.customer_id = ?1";

    private final SegmentStrategyRepository strategies;
    private final PortraitService portraits;
    private final CustomerAccess customers;
    private final AuditService audit;
    private final EntityManager em;
    private final Clock clock;

    SegmentStrategies(SegmentStrategyRepository strategies, PortraitService portraits, CustomerAccess customers,
                      AuditService audit, EntityManager em, Clock clock) {
        this.strategies = strategies;
        this.portraits = portraits;
        this.customers = customers;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** A segment's strategy (supervisors and administrators). */
    @Transactional
    public StrategyDetails ofSegment(Viewer viewer, long segmentId) {
        SegmentSummary s = portraits.segment(viewer, segmentId);
        return details(s.kind(), s.ordinal(), s.weekendReduced(),
                strategies.forSegment(s.kind(), s.ordinal(), s.weekendReduced()));
    }

    /** Writes a segment's strategy; the draft's version must be the one read (0 for one not yet written). */
    @Transactional
    public StrategyDetails save(Viewer viewer, long segmentId, StrategyDraft draft) {
        SegmentSummary s = portraits.segment(viewer, segmentId);
        validate(draft);
        SegmentStrategy strategy = strategies.forSegment(s.kind(), s.ordinal(), s.weekendReduced());
        StrategyDetails before = null;
        if (strategy == null) {
            if (draft.version() != null && draft.version() != 0) {
                throw BusinessException.conflict("error.stale");
            }
            strategy = new SegmentStrategy(s.kind(), s.ordinal(), s.weekendReduced());
        } else {
            if (draft.version() != null && draft.version() != strategy.getVersion()) {
                throw BusinessException.conflict("error.stale");
            }
            before = details(s.kind(), s.ordinal(), s.weekendReduced(), strategy);
        }
        strategy.change(draft, viewer.username(), OffsetDateTime.now(clock));
        if (strategy.getId() == null) {
            strategies.persist(strategy);
        }
        strategies.flush();
        StrategyDetails after = details(s.kind(), s.ordinal(), s.weekendReduced(), strategy);
        audit.record(viewer.username(), "SEGMENT_STRATEGY_CHANGED", "SEGMENT_STRATEGY", strategy.getId(), null,
                viewer.unitPath(), after.segmentZh(), before, after);
        return after;
    }

    /**
     * The strategy of the customer's segment, for staff who may see the customer; {@code defined} false when its
     * segment has none yet, and the segment's kind and names null too when the customer has no segment.
     */
    @Transactional
    public StrategyDetails forCustomer(Viewer viewer, long customerId) {
        if (viewer.isCustomer()) {
            throw BusinessException.forbidden("portrait.strategy.error.staff-only");
        }
        customers.visible(viewer, customerId);
        List<?> rows = em.createNativeQuery(SEGMENT_OF).setParameter(1, customerId).getResultList();
        if (rows.isEmpty() || ((Object[]) rows.getFirst())[0] == null) {
            return new StrategyDetails(null, 0, false, null, null, false, null, "", "", null, null, 0);
        }
        Object[] row = (Object[]) rows.getFirst();
        ShapeKind kind = ShapeKind.valueOf((String) row[0]);
        int ordinal = ((Number) row[1]).intValue();
        boolean reduced = (Boolean) row[2];
        SegmentStrategy strategy = strategies.forSegment(kind, ordinal, reduced);
        return details(kind, ordinal, reduced, strategy);
    }

    private static void validate(StrategyDraft d) {
        if (d == null) {
            throw BusinessException.invalid("error.required");
        }
        new Validation()
                .range(d.visitIntervalDays() == null ? null : (long) d.visitIntervalDays(), 1, 366,
                        "visitIntervalDays")
                .maxLength(d.offers(), OFFERS_MAX, "offers")
                .maxLength(d.talkingPoints(), TALKING_POINTS_MAX, "talkingPoints")
                .require(d.visitIntervalDays() != null || !blank(d.offers()) || !blank(d.talkingPoints()),
                        "offers", "portrait.strategy.error.empty")
                .throwIfInvalid();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static StrategyDetails details(ShapeKind kind, int ordinal, boolean reduced, SegmentStrategy s) {
        String zh = SegmentNames.name(kind, ordinal, reduced, Locale.SIMPLIFIED_CHINESE);
        String en = SegmentNames.name(kind, ordinal, reduced, Locale.ENGLISH);
        if (s == null) {
            return new StrategyDetails(kind, ordinal, reduced, zh, en, false, null, "", "", null, null, 0);
        }
        return new StrategyDetails(kind, ordinal, reduced, zh, en, true, s.getVisitIntervalDays(), s.getOffers(),
                s.getTalkingPoints(), s.getUpdatedBy(), s.getUpdatedAt(), s.getVersion());
    }
}
