package cn.keyaccount.customer;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Hibernate;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's transformers, their periods out of service (暂停) and their capacity over time (减容 / 减容恢复 / 增容);
 * every change audited. The application pipeline calls {@link #suspend}, {@link #restore} and
 * {@link #changeCapacity} when an application is completed; staff who may edit the customer call them as well.
 */
@ApplicationScoped
public class TransformerService {

    /**
     * The shortest suspension accepted: 15 days (《供电营业规则》(1996) 第二十四条; 发改办价格〔2016〕1583号: 暂停时间每次应不少于十五日).
     * A suspension ended earlier by a restoration is billed in full (energy's {@code CapacityInService}).
     */
    public static final int MIN_SUSPENSION_DAYS = 15;

    private final TransformerRepository transformers;
    private final TransformerSuspensionRepository suspensions;
    private final TransformerCapacityChangeRepository capacityChanges;
    private final CustomerAccess access;
    private final AuditService audit;

    TransformerService(TransformerRepository transformers, TransformerSuspensionRepository suspensions,
                       TransformerCapacityChangeRepository capacityChanges, CustomerAccess access,
                       AuditService audit) {
        this.transformers = transformers;
        this.suspensions = suspensions;
        this.capacityChanges = capacityChanges;
        this.access = access;
        this.audit = audit;
    }

    /** Every transformer of the customer with its suspensions and capacity changes (three statements in all). */
    public List<TransformerHistory> histories(Viewer viewer, long customerId) {
        access.visible(viewer, customerId);
        Map<Long, List<TransformerHistory.Suspension>> out = new HashMap<>();
        for (TransformerSuspension s : suspensions.list("transformer.customer.id = ?1 order by startsOn, id",
                customerId)) {
            out.computeIfAbsent(s.getTransformer().getId(), k -> new ArrayList<>()).add(suspension(s));
        }
        Map<Long, List<TransformerHistory.CapacityChange>> changes = new HashMap<>();
        for (TransformerCapacityChange c : capacityChanges.list(
                "transformer.customer.id = ?1 order by effectiveOn, id", customerId)) {
            changes.computeIfAbsent(c.getTransformer().getId(), k -> new ArrayList<>()).add(change(c));
        }
        return list(viewer, customerId).stream().map(t -> new TransformerHistory(t,
                List.copyOf(out.getOrDefault(t.id(), List.of())),
                List.copyOf(changes.getOrDefault(t.id(), List.of())))).toList();
    }

    /** One transformer of the customer with its history; absent (404) when it is not the customer's. */
    public TransformerHistory history(Viewer viewer, long customerId, long transformerId) {
        return histories(viewer, customerId).stream().filter(h -> h.transformer().id() == transformerId)
                .findFirst().orElseThrow(() -> BusinessException.notFound("error.transformer-not-found",
                        transformerId));
    }

    /**
     * Takes a transformer out of service (暂停) from {@code from} to {@code to} (both included; null: until
     * {@link #restore}d). At least {@value #MIN_SUSPENSION_DAYS} days when the end is known, never overlapping
     * another of its suspensions.
     */
    @Transactional
    public TransformerHistory suspend(Viewer viewer, long transformerId, LocalDate from, LocalDate to,
                                      String reason) {
        Transformer t = editable(viewer, transformerId);
        List<TransformerSuspension> existing = suspensions.list("transformer.id = ?1 order by startsOn", t.getId());
        Validation v = new Validation().require(from != null, "from", "error.required")
                .notBlank(reason, "reason").maxLength(reason, 200, "reason")
                .require(from == null || to == null || !to.isBefore(from), "to", "error.suspension-end-before-start");
        if (from != null && to != null && !to.isBefore(from)) {
            v.require(ChronoUnit.DAYS.between(from, to) + 1 >= MIN_SUSPENSION_DAYS, "to",
                    "error.suspension-too-short", MIN_SUSPENSION_DAYS);
        }
        if (from != null && (to == null || !to.isBefore(from))) {
            existing.stream().filter(s -> overlaps(s, from, to)).findFirst().ifPresent(s -> v.require(false, "from",
                    "error.suspension-overlap", s.getStartsOn(), s.getEndsOn() == null ? "…" : s.getEndsOn()));
        }
        v.throwIfInvalid();
        TransformerSuspension s = new TransformerSuspension(t, from, to, reason.trim());
        suspensions.persistAndFlush(s);
        Customer c = t.getCustomer();
        audit.record(viewer.username(), "TRANSFORMER_SUSPENDED", "TRANSFORMER", t.getId(), c.getId(),
                c.getUnit().getPath(), c.getAccountNo() + " " + t.getName(), null,
                Map.of("from", from.toString(), "to", to == null ? "" : to.toString(), "reason", s.getReason()));
        return history(viewer, c.getId(), t.getId());
    }

    /**
     * Puts a suspended transformer back in service (暂停恢复) on {@code on}: the suspension covering that day (or the
     * open one begun before it) ends the day before. Refused when the transformer is not suspended then.
     */
    @Transactional
    public TransformerHistory restore(Viewer viewer, long transformerId, LocalDate on, String reason) {
        Transformer t = editable(viewer, transformerId);
        new Validation().require(on != null, "on", "error.required").notBlank(reason, "reason")
                .maxLength(reason, 200, "reason").throwIfInvalid();
        TransformerSuspension s = suspensions.list("transformer.id = ?1 order by startsOn", t.getId()).stream()
                .filter(x -> !x.getStartsOn().isAfter(on.minusDays(1))
                        && (x.getEndsOn() == null || !x.getEndsOn().isBefore(on)))
                .findFirst().orElseThrow(() -> BusinessException.invalidFields(List.of(
                        new BusinessException.FieldError("on", "error.not-suspended-then", on))));
        Map<String, Object> before = Map.of("from", s.getStartsOn().toString(),
                "to", s.getEndsOn() == null ? "" : s.getEndsOn().toString());
        s.endOn(on.minusDays(1));
        suspensions.flush();
        Customer c = t.getCustomer();
        audit.record(viewer.username(), "TRANSFORMER_RESTORED", "TRANSFORMER", t.getId(), c.getId(),
                c.getUnit().getPath(), c.getAccountNo() + " " + t.getName(), before,
                Map.of("from", s.getStartsOn().toString(), "to", s.getEndsOn().toString(), "reason", reason.trim()));
        return history(viewer, c.getId(), t.getId());
    }

    /**
     * Gives a transformer a new capacity from {@code effective} on: 减容 when smaller, 减容恢复 when larger and not
     * above a capacity a reduction took away, else 增容. Changes are kept in date order (each after the last); the
     * customer's operating capacity follows by the difference, so that months before the change keep theirs.
     */
    @Transactional
    public TransformerHistory changeCapacity(Viewer viewer, long transformerId, BigDecimal kva, LocalDate effective,
                                             String reason) {
        Transformer t = editable(viewer, transformerId);
        // the transformer was read first: its customer may be a lazy proxy, which a package-private change would miss
        Customer c = (Customer) Hibernate.unproxy(t.getCustomer());
        List<TransformerCapacityChange> earlier = capacityChanges.list("transformer.id = ?1 order by effectiveOn",
                t.getId());
        LocalDate last = earlier.isEmpty() ? null : earlier.getLast().getEffectiveOn();
        BigDecimal current = t.getRatedKva();
        Validation v = new Validation().require(kva != null, "kva", "error.required")
                .range(kva, CustomerValidator.MIN_CAPACITY_KVA, CustomerValidator.MAX_CAPACITY_KVA, "kva")
                .require(kva == null || kva.compareTo(current) != 0, "kva", "error.capacity-unchanged", current)
                .require(effective != null, "effective", "error.required")
                .require(effective == null || last == null || effective.isAfter(last), "effective",
                        "error.capacity-change-order", last)
                .notBlank(reason, "reason").maxLength(reason, 200, "reason");
        if (kva != null) {
            BigDecimal operating = c.getOperatingCapacityKva().add(kva.subtract(current));
            v.require(operating.compareTo(new BigDecimal(CustomerValidator.MIN_CAPACITY_KVA)) >= 0, "kva",
                    "error.capacity-below-customer", c.getOperatingCapacityKva());
        }
        v.throwIfInvalid();
        BigDecimal after = kva.setScale(1, RoundingMode.HALF_UP);
        CapacityChangeKind kind = after.compareTo(current) < 0 ? CapacityChangeKind.REDUCTION
                : earlier.stream().anyMatch(e -> e.getKind() == CapacityChangeKind.REDUCTION
                        && e.getKvaBefore().compareTo(after) >= 0) ? CapacityChangeKind.RESTORATION
                : CapacityChangeKind.INCREASE;
        capacityChanges.persist(new TransformerCapacityChange(t, effective, kind, current, after, reason.trim()));
        c.changeOperatingCapacity(after.subtract(current));
        t.changeCapacity(after);
        transformers.flush();
        audit.record(viewer.username(), "TRANSFORMER_CAPACITY_CHANGED", "TRANSFORMER", t.getId(), c.getId(),
                c.getUnit().getPath(), c.getAccountNo() + " " + t.getName(), Map.of("ratedKva", current),
                Map.of("ratedKva", after, "kind", kind.name(), "effective", effective.toString(),
                        "reason", reason.trim()));
        return history(viewer, c.getId(), t.getId());
    }

    private Transformer editable(Viewer viewer, long transformerId) {
        Transformer t = transformers.findById(transformerId);
        if (t == null || !access.canSee(viewer, t.getCustomer())) {
            throw BusinessException.notFound("error.transformer-not-found", transformerId);
        }
        access.editable(viewer, t.getCustomer().getId());
        return t;
    }

    private static boolean overlaps(TransformerSuspension s, LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = s.getEndsOn() == null || !from.isAfter(s.getEndsOn());
        boolean endsAfterOtherStarts = to == null || !to.isBefore(s.getStartsOn());
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    private static TransformerHistory.Suspension suspension(TransformerSuspension s) {
        return new TransformerHistory.Suspension(s.getId(), s.getStartsOn(), s.getEndsOn(), s.getReason());
    }

    private static TransformerHistory.CapacityChange change(TransformerCapacityChange c) {
        return new TransformerHistory.CapacityChange(c.getId(), c.getEffectiveOn(), c.getKind(), c.getKvaBefore(),
                c.getKvaAfter(), c.getReason());
    }

    public List<TransformerDetails> list(Viewer viewer, long customerId) {
        access.visible(viewer, customerId);
        return transformers.list("customer.id", Sort.by("name").and("id"), customerId).stream()
                .map(TransformerDetails::of).toList();
    }

    @Transactional
    public TransformerDetails add(Viewer viewer, long customerId, TransformerDraft draft) {
        Customer c = access.editable(viewer, customerId);
        rules(draft).throwIfInvalid();
        Transformer t = new Transformer(c);
        t.apply(draft);
        transformers.persistAndFlush(t);
        audit.record(viewer.username(), "TRANSFORMER_CREATED", "TRANSFORMER", t.getId(), c.getId(),
                c.getUnit().getPath(), c.getAccountNo() + " " + t.getName(), null, snapshot(t));
        return TransformerDetails.of(t);
    }

    @Transactional
    public TransformerDetails update(Viewer viewer, long customerId, long transformerId, TransformerDraft draft) {
        Customer c = access.editable(viewer, customerId);
        Transformer t = find(customerId, transformerId);
        CustomerService.requireVersion(draft.getVersion(), t.getVersion());
        rules(draft).throwIfInvalid();
        Map<String, Object> before = snapshot(t);
        t.apply(draft);
        transformers.flush();
        audit.record(viewer.username(), "TRANSFORMER_UPDATED", "TRANSFORMER", t.getId(), c.getId(),
                c.getUnit().getPath(), c.getAccountNo() + " " + t.getName(), before, snapshot(t));
        return TransformerDetails.of(t);
    }

    @Transactional
    public void delete(Viewer viewer, long customerId, long transformerId) {
        Customer c = access.editable(viewer, customerId);
        Transformer t = find(customerId, transformerId);
        audit.record(viewer.username(), "TRANSFORMER_DELETED", "TRANSFORMER", t.getId(), c.getId(),
                c.getUnit().getPath(), c.getAccountNo() + " " + t.getName(), snapshot(t), null);
        transformers.delete(t);
    }

    /** Losses in kW: numeric(8,3) keeps 0.001 to 99,999.999; a 1,000 MVA unit loses well under 10,000 kW. */
    static final String MIN_LOSS_KW = "0.001";
    static final String MAX_LOSS_KW = "10000";

    public static Validation rules(TransformerDraft d) {
        return new Validation()
                .notBlank(d.getName(), "name").maxLength(d.getName(), 50, "name")
                .require(positive(d.getRatedKva()), "ratedKva", "error.positive")
                .require(positive(d.getNoLoadLossKw()), "noLoadLossKw", "error.positive")
                .require(positive(d.getLoadLossKw()), "loadLossKw", "error.positive")
                .range(d.getRatedKva(), CustomerValidator.MIN_CAPACITY_KVA, CustomerValidator.MAX_CAPACITY_KVA,
                        "ratedKva")
                .range(d.getNoLoadLossKw(), MIN_LOSS_KW, MAX_LOSS_KW, "noLoadLossKw")
                .range(d.getLoadLossKw(), MIN_LOSS_KW, MAX_LOSS_KW, "loadLossKw")
                .require(!positive(d.getNoLoadLossKw()) || !positive(d.getLoadLossKw())
                        || d.getNoLoadLossKw().compareTo(d.getLoadLossKw()) < 0, "noLoadLossKw", "error.p0-below-pk");
    }

    private Transformer find(long customerId, long id) {
        Transformer t = transformers.findById(id);
        if (t == null || t.getCustomer().getId() != customerId) {
            throw BusinessException.notFound("error.transformer-not-found", id);
        }
        return t;
    }

    private static Map<String, Object> snapshot(Transformer t) {
        return Map.of("name", t.getName(), "ratedKva", t.getRatedKva(), "p0Kw", t.getNoLoadLossKw(),
                "pkKw", t.getLoadLossKw());
    }

    private static boolean positive(BigDecimal x) {
        return x != null && x.signum() > 0;
    }
}
