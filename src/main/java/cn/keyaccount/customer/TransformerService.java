package cn.keyaccount.customer;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A customer's transformers; every change audited. */
@ApplicationScoped
public class TransformerService {

    private final TransformerRepository transformers;
    private final CustomerAccess access;
    private final AuditService audit;

    TransformerService(TransformerRepository transformers, CustomerAccess access, AuditService audit) {
        this.transformers = transformers;
        this.access = access;
        this.audit = audit;
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
