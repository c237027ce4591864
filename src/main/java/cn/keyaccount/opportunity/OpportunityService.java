package cn.keyaccount.opportunity;

import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.portrait.PortraitDetails;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.TagCategory;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The changes to opportunities (商机). Rules held here whatever the caller: an opportunity comes from a "needs and
 * potential" tag the customer carries now, one open per customer and tag; a lost one says why; a won or lost one
 * changes only by reopening; the expected value is money (two decimals, not negative); a linked visit, application
 * or report is one of the customer's (one the caller may not see is absent, 404); a change names the version it was made on (a
 * concurrent edit is refused, 409). Who: whoever may change the customer (its managers, the supervisors of its unit,
 * the administrator). Reads are {@link OpportunityQueries}.
 */
@ApplicationScoped
public class OpportunityService {

    static final int NEXT_STEP_MAX = 200;
    static final int LOST_REASON_MAX = 500;

    private final OpportunityRepository opportunities;
    private final OpportunityQueries queries;
    private final CustomerAccess customers;
    private final PortraitService portraits;
    private final UserService users;
    private final VisitService visits;
    private final ApplicationService applications;
    private final ReportService reports;
    private final AuditService audit;
    private final Clock clock;

    OpportunityService(OpportunityRepository opportunities, OpportunityQueries queries, CustomerAccess customers,
                       PortraitService portraits, UserService users, VisitService visits,
                       ApplicationService applications, ReportService reports, AuditService audit, Clock clock) {
        this.opportunities = opportunities;
        this.queries = queries;
        this.customers = customers;
        this.portraits = portraits;
        this.users = users;
        this.visits = visits;
        this.applications = applications;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens an opportunity from the customer's need tag, owned by the customer's manager (else the caller). */
    @Transactional
    public OpportunityDetails create(Viewer viewer, long customerId, String tagCode) {
        Customer customer = customers.editable(viewer, customerId);
        PortraitDetails.TagDetails tag = portraits.portrait(viewer, customerId).tags().stream()
                .filter(t -> t.code().equals(tagCode)).findFirst()
                .orElseThrow(() -> BusinessException.invalid("opportunity.error.no-such-tag", tagCode));
        if (tag.category() != TagCategory.NEED) {
            throw BusinessException.invalid("opportunity.error.not-a-need", tag.labelZh());
        }
        if (opportunities.count("customer.id = ?1 and tagCode = ?2 and stage in ?3", customerId, tagCode,
                OpportunityStage.OPEN) > 0) {
            throw BusinessException.conflict("opportunity.error.already-open", tag.labelZh());
        }
        AppUser owner = customer.getManager() != null ? customer.getManager() : users.account(viewer.userId());
        Opportunity o = new Opportunity(customer, tagCode, "portrait.tag." + tagCode, tag.reasonZh(), owner,
                OffsetDateTime.now(clock));
        opportunities.persist(o);
        opportunities.flush();
        OpportunityDetails created = queries.details(o);
        audit.record(viewer.username(), "OPPORTUNITY_CREATED", "OPPORTUNITY", o.getId(), customerId,
                customer.getUnit().getPath(), tag.labelZh(), null, created);
        return created;
    }

    /** Moves the stage, sets the value, the next step and the links; refused on a won or lost one (reopen it). */
    @Transactional
    public OpportunityDetails update(Viewer viewer, long id, OpportunityDraft d) {
        Opportunity o = editable(viewer, id, d == null ? null : d.version());
        if (o.getStage().isClosed()) {
            throw BusinessException.conflict("opportunity.error.closed");
        }
        validate(viewer, o, d);
        OpportunityDetails before = queries.details(o);
        o.change(d, OffsetDateTime.now(clock));
        opportunities.flush();
        OpportunityDetails after = queries.details(o);
        audit.record(viewer.username(), "OPPORTUNITY_CHANGED", "OPPORTUNITY", id, o.getCustomer().getId(),
                o.getCustomer().getUnit().getPath(), after.tagZh() + " · " + after.stage(), before, after);
        return after;
    }

    /** Takes a won or lost opportunity back to the proposal stage, with its reason in the audit. */
    @Transactional
    public OpportunityDetails reopen(Viewer viewer, long id, Long version) {
        Opportunity o = editable(viewer, id, version);
        if (!o.getStage().isClosed()) {
            throw BusinessException.conflict("opportunity.error.not-closed");
        }
        OpportunityDetails before = queries.details(o);
        o.reopen(OffsetDateTime.now(clock));
        opportunities.flush();
        OpportunityDetails after = queries.details(o);
        audit.record(viewer.username(), "OPPORTUNITY_REOPENED", "OPPORTUNITY", id, o.getCustomer().getId(),
                o.getCustomer().getUnit().getPath(), after.tagZh(), before, after);
        return after;
    }

    private Opportunity editable(Viewer viewer, long id, Long version) {
        Opportunity o = opportunities.findById(id);
        if (o == null || !customers.canSee(viewer, o.getCustomer())) {
            throw BusinessException.notFound("opportunity.error.not-found", id);
        }
        if (!customers.canEdit(viewer, o.getCustomer())) {
            throw BusinessException.forbidden("opportunity.error.read-only");
        }
        if (version == null) {
            throw BusinessException.invalid("error.required");
        }
        if (version != o.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        return o;
    }

    private void validate(Viewer viewer, Opportunity o, OpportunityDraft d) {
        BigDecimal value = d.expectedValue();
        new Validation()
                .require(d.stage() != null, "stage", "error.required")
                .require(d.stage() != OpportunityStage.LOST || (d.lostReason() != null && !d.lostReason().isBlank()),
                        "lostReason", "opportunity.error.lost-needs-reason")
                .maxLength(d.lostReason(), LOST_REASON_MAX, "lostReason")
                .range(value, "0", "9999999999.99", "expectedValue")
                .require(value == null || value.stripTrailingZeros().scale() <= 2, "expectedValue",
                        "opportunity.error.two-decimals")
                .maxLength(d.nextStep(), NEXT_STEP_MAX, "nextStep")
                .require(d.nextStepDate() == null || (d.nextStep() != null && !d.nextStep().isBlank()), "nextStep",
                        "opportunity.error.step-without-text")
                .throwIfInvalid();
        long customerId = o.getCustomer().getId();
        Validation links = new Validation();
        if (d.visitId() != null && !d.visitId().equals(o.getVisitId())) {
            links.require(visits.get(viewer, d.visitId()).visit().customerId() == customerId,
                    "visitId", "opportunity.error.link-other-customer", d.visitId());
        }
        if (d.applicationId() != null && !d.applicationId().equals(o.getApplicationId())) {
            links.require(applications.get(viewer, d.applicationId()).customerId() == customerId,
                    "applicationId", "opportunity.error.link-other-customer", d.applicationId());
        }
        if (d.reportId() != null && !d.reportId().equals(o.getReportId())) {
            links.require(reports.get(viewer, d.reportId()).customerId() == customerId,
                    "reportId", "opportunity.error.link-other-customer", d.reportId());
        }
        links.throwIfInvalid();
    }
}
