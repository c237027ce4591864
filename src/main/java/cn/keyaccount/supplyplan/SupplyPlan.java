package cn.keyaccount.supplyplan;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.network.SupplyLine;
import cn.keyaccount.security.AppUser;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A supply-guarantee plan (保供电预案) of one customer for one event and period. Content is edited only as a draft;
 * once approved it changes only through a new revision, a new row pointing at the one it replaces.
 */
@Entity
@Table(name = "supply_plan")
public class SupplyPlan extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @Column(nullable = false)
    private int revision = 1;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "previous_id")
    private SupplyPlan previous;
    @Column(nullable = false)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    private EventType eventType;
    @Column(name = "event_name", nullable = false)
    private String eventName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanLevel level;
    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;
    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status = PlanStatus.DRAFT;
    @Column(name = "supply_sources", nullable = false)
    private String supplySources = "";
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private AppUser author;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "supply_plan_line", joinColumns = @JoinColumn(name = "plan_id"),
            inverseJoinColumns = @JoinColumn(name = "line_id"))
    private Set<SupplyLine> lines = new HashSet<>();
    @ElementCollection
    @CollectionTable(name = "supply_plan_load", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<CriticalLoad> loads = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "supply_plan_risk", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<RiskPoint> risks = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "supply_plan_resource", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<EmergencyResource> resources = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "supply_plan_duty", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<Duty> duties = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "supply_plan_transition", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<Transition> transitions = new ArrayList<>();

    protected SupplyPlan() {
    }

    SupplyPlan(Customer customer, AppUser author) {
        this.customer = customer;
        this.author = author;
    }

    void apply(PlanDraft d, Set<SupplyLine> planLines) {
        this.title = d.title().trim();
        this.eventType = d.eventType();
        this.eventName = d.eventName().trim();
        this.level = d.level();
        this.startsAt = d.startsAt();
        this.endsAt = d.endsAt();
        this.supplySources = d.supplySources() == null ? "" : d.supplySources().trim();
        this.lines.clear();
        this.lines.addAll(planLines);
        replace(loads, d.loads());
        replace(risks, d.risks());
        replace(resources, d.resources());
        replace(duties, d.duties());
        this.updatedAt = OffsetDateTime.now();
    }

    private static <T> void replace(List<T> target, List<T> source) {
        target.clear();
        if (source != null) {
            target.addAll(source);
        }
    }

    /** The next revision: the same content as a new draft pointing at this one. */
    SupplyPlan newRevision(AppUser by) {
        SupplyPlan next = new SupplyPlan(customer, by);
        next.revision = revision + 1;
        next.previous = this;
        next.apply(toDraft(), lines);
        return next;
    }

    PlanDraft toDraft() {
        return new PlanDraft(customer.getId(), title, eventType, eventName, level, startsAt, endsAt, supplySources,
                lines.stream().map(SupplyLine::getId).sorted().toList(), List.copyOf(loads), List.copyOf(risks),
                List.copyOf(resources), List.copyOf(duties), getVersion());
    }

    void move(PlanStatus to, String action, String actor, String comment) {
        transitions.add(new Transition(action, status, to, actor, OffsetDateTime.now(),
                comment == null ? "" : comment.trim()));
        this.status = to;
        this.updatedAt = OffsetDateTime.now();
    }

    public Customer getCustomer() {
        return customer;
    }

    public int getRevision() {
        return revision;
    }

    public SupplyPlan getPrevious() {
        return previous;
    }

    public String getTitle() {
        return title;
    }

    public EventType getEventType() {
        return eventType;
    }

    public String getEventName() {
        return eventName;
    }

    public PlanLevel getLevel() {
        return level;
    }

    public OffsetDateTime getStartsAt() {
        return startsAt;
    }

    public OffsetDateTime getEndsAt() {
        return endsAt;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public String getSupplySources() {
        return supplySources;
    }

    public AppUser getAuthor() {
        return author;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public Set<SupplyLine> getLines() {
        return lines;
    }

    public List<CriticalLoad> getLoads() {
        return loads;
    }

    public List<RiskPoint> getRisks() {
        return risks;
    }

    public List<EmergencyResource> getResources() {
        return resources;
    }

    public List<Duty> getDuties() {
        return duties;
    }

    public List<Transition> getTransitions() {
        return transitions;
    }
}
