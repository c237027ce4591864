package cn.keyaccount.portrait;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Portraits and segments as the viewer may see them: a customer's portrait for whoever may see the customer (a
 * customer user sees their own shape, their segment's name and their industry's median shape when it is the median
 * of at least {@code keyaccount.portrait.min-peers} customers, never a segment's centre or size); the segments with
 * their centres and members for supervisors and administrators (members only those in the viewer's scope).
 */
@ApplicationScoped
public class PortraitService {

    private final PortraitStore store;
    private final CustomerService customers;
    private final CustomerQueries customerQueries;
    private final PortraitConfig config;
    private final Clock clock;
    private final EntityManager em;

    PortraitService(PortraitStore store, CustomerService customers, CustomerQueries customerQueries,
                    PortraitConfig config, Clock clock, EntityManager em) {
        this.em = em;
        this.clock = clock;
        this.store = store;
        this.customers = customers;
        this.customerQueries = customerQueries;
        this.config = config;
    }

    public PortraitDetails portrait(Viewer viewer, long customerId) {
        CustomerDetails customer = customers.get(viewer, customerId);
        PortraitStore.StoredRun run = store.run();
        if (run == null) {
            return new PortraitDetails(customerId, PortraitDetails.Status.NOT_COMPUTED, 0, config.minDays(), null,
                    null, null, null, List.of(), List.of(), null, null, List.of(), List.of(), List.of());
        }
        PortraitStore.StoredCustomer stored = store.customer(customerId);
        if (stored == null) {
            return new PortraitDetails(customerId, PortraitDetails.Status.NO_READINGS, 0, config.minDays(),
                    run.from(), run.to(), local(run.computedAt()), null, List.of(), List.of(), null, null, List.of(),
                    List.of(), List.of());
        }
        List<PortraitDetails.ShapeDetails> shapes = store.shapes(customerId).stream()
                .sorted((a, b) -> a.season() != b.season() ? a.season().compareTo(b.season())
                        : a.dayType().compareTo(b.dayType()))
                .map(s -> new PortraitDetails.ShapeDetails(s.season(), s.dayType(), s.days(), s.points())).toList();
        SegmentSummary segment = null;
        if (stored.segmentId() != null) {
            PortraitStore.StoredSegment s = store.segment(stored.segmentId());
            segment = viewer.isCustomer() ? nameOnly(s) : summary(s, null);
        }
        return new PortraitDetails(customerId, segment == null ? PortraitDetails.Status.TOO_LITTLE_DATA
                : PortraitDetails.Status.SEGMENTED, stored.usableDays(), config.minDays(), run.from(), run.to(),
                local(run.computedAt()), segment, shapes, levels(stored.seasonLevels()), orNull(stored.restLevel()),
                industry(customer), tags(customerId), store.figures(customerId).stream()
                .map(f -> new PortraitDetails.FigureDetails(f.figure(), f.value(), f.percentile(), f.peers()))
                .toList(), store.changes(customerId).stream()
                .map(c -> new PortraitDetails.TagChangeDetails(c.added(), details(c.tag()))).toList());
    }

    private List<PortraitDetails.TagDetails> tags(long customerId) {
        return store.tags(customerId).stream().map(PortraitService::details).toList();
    }

    private static PortraitDetails.TagDetails details(PortraitTag t) {
        Object[] args = t.args().toArray();
        return new PortraitDetails.TagDetails(t.code(), t.category(), Messages.get(Messages.CHINESE, t.labelKey()),
                Messages.get(Messages.ENGLISH, t.labelKey()), Messages.get(Messages.CHINESE, t.reasonKey(), args),
                Messages.get(Messages.ENGLISH, t.reasonKey(), args), t.args());
    }

    public SegmentsOverview segments(Viewer viewer) {
        requireSupervisor(viewer);
        PortraitStore.StoredRun run = store.run();
        if (run == null) {
            return new SegmentsOverview(null, null, null, 0, 0, 0, List.of(), List.of());
        }
        Map<Long, Integer> inScope = null;
        if (!viewer.isAdmin()) {
            inScope = new HashMap<>();
            CustomerQueries.Subquery scope = CustomerQueries.visibleTo(viewer);
            for (Object[] r : scope.bind(em.createQuery("select m.segmentId, count(m) from SegmentMember m where "
                    + "m.segmentId is not null and m.customerId in (" + scope.hql() + ") group by m.segmentId",
                    Object[].class)).getResultList()) {
                inScope.put((Long) r[0], ((Long) r[1]).intValue());
            }
        }
        List<SegmentSummary> segments = new ArrayList<>();
        for (PortraitStore.StoredSegment s : store.segments()) {
            segments.add(summary(s, inScope == null ? s.members() : inScope.getOrDefault(s.id(), 0)));
        }
        return new SegmentsOverview(local(run.computedAt()), run.from(), run.to(), run.customers(), run.segmented(), run.k(),
                run.silhouettes().entrySet().stream()
                        .map(e -> new SegmentsOverview.Silhouette(e.getKey(), e.getValue())).toList(), segments);
    }

    public SegmentSummary segment(Viewer viewer, long segmentId) {
        requireSupervisor(viewer);
        PortraitStore.StoredSegment s = store.segment(segmentId);
        if (s == null) {
            throw BusinessException.notFound("portrait.error.segment-not-found", segmentId);
        }
        return summary(s, null);
    }

    /**
     * A page of the segment's members the viewer may see, closest to the centre first: paged and scoped in SQL (the
     * customer feature's scope as a subquery), so a segment of thousands is not read to show twenty.
     */
    public MemberPage members(Viewer viewer, long segmentId, int offset, int limit) {
        segment(viewer, segmentId);
        CustomerQueries.Subquery scope = CustomerQueries.visibleTo(viewer);
        String where = " from SegmentMember m where m.segmentId = :segment and m.customerId in (" + scope.hql() + ")";
        long total = scope.bind(em.createQuery("select count(m)" + where, Long.class))
                .setParameter("segment", segmentId).getSingleResult();
        if (limit <= 0 || offset >= total) {
            return new MemberPage(List.of(), total);
        }
        List<Object[]> page = scope.bind(em.createQuery("select m.customerId, m.distance" + where
                        + " order by m.distance, m.customerId", Object[].class))
                .setParameter("segment", segmentId).setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<Long, CustomerName> names = customerQueries.names(page.stream().map(r -> (Long) r[0]).toList());
        List<SegmentMemberRow> rows = page.stream().filter(r -> names.containsKey((Long) r[0])).map(r -> {
            CustomerName n = names.get((Long) r[0]);
            return new SegmentMemberRow(n.id(), n.accountNo(), n.name(), r[1] == null ? 0.0 : ((Float) r[1]));
        }).toList();
        return new MemberPage(rows, total);
    }

    public record MemberPage(List<SegmentMemberRow> rows, long total) {
    }

    private void requireSupervisor(Viewer viewer) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw BusinessException.forbidden("portrait.error.supervisors-only");
        }
    }

    private PortraitDetails.IndustryComparison industry(CustomerDetails customer) {
        PortraitStore.NewIndustryShape work = store.industryShape(customer.industryCode(), DayType.WORKDAY);
        if (work == null || work.customers() < config.minPeers()) {
            return null;
        }
        PortraitStore.NewIndustryShape rest = store.industryShape(customer.industryCode(), DayType.REST_DAY);
        return new PortraitDetails.IndustryComparison(customer.industryCode(), customer.industryName(),
                work.customers(), work.points(),
                rest == null || rest.customers() < config.minPeers() ? null : rest.points());
    }

    private static SegmentSummary summary(PortraitStore.StoredSegment s, Integer inScope) {
        return new SegmentSummary(s.id(), s.number(), s.kind(), s.ordinal(), s.weekendReduced(),
                SegmentNames.name(s.kind(), s.ordinal(), s.weekendReduced(), Locale.SIMPLIFIED_CHINESE),
                SegmentNames.name(s.kind(), s.ordinal(), s.weekendReduced(), Locale.ENGLISH), s.members(),
                inScope == null ? s.members() : inScope, s.workday(), s.restDay(), levels(s.seasonLevels()),
                orNull(s.restLevel()));
    }

    private static SegmentSummary nameOnly(PortraitStore.StoredSegment s) {
        return new SegmentSummary(s.id(), s.number(), s.kind(), s.ordinal(), s.weekendReduced(),
                SegmentNames.name(s.kind(), s.ordinal(), s.weekendReduced(), Locale.SIMPLIFIED_CHINESE),
                SegmentNames.name(s.kind(), s.ordinal(), s.weekendReduced(), Locale.ENGLISH), null, null, null, null,
                List.of(), null);
    }

    /** A stored moment in the company's zone (the database hands it over in UTC). */
    private OffsetDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    private static List<Double> levels(double[] levels) {
        return Arrays.stream(levels).mapToObj(PortraitService::orNull).toList();
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
