package cn.keyaccount.application;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.security.AppUser;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A 业扩 application of one customer: its kind and what it asks for, the steps of its kind with their limits (from
 * the limits file version it was accepted under), and every stop of the clock. The clock's figures are stored as
 * last computed so that lists sort and filter on them in SQL. Changes only through {@link ApplicationService}; a
 * closed application (completed or cancelled) never changes again.
 */
@Entity
@Table(name = "connection_application")
public class Application extends AbstractEntity {

    @Column(nullable = false, unique = true)
    private String number;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "voltage_class", nullable = false)
    private VoltageClass voltageClass;
    @Enumerated(EnumType.STRING)
    @Column(name = "supply_mode", nullable = false)
    private SupplyMode supplyMode;
    @Column(name = "capacity_kva")
    private BigDecimal capacityKva;
    @Column(name = "demand_kw")
    private BigDecimal demandKw;
    @Enumerated(EnumType.STRING)
    @Column(name = "basic_charge_mode")
    private BasicChargeMode basicChargeMode;
    @Column(name = "transformer_id")
    private Long transformerId;
    @Column(nullable = false)
    private String address = "";
    @Column(name = "wished_on")
    private LocalDate wishedOn;
    @Column(name = "period_from")
    private LocalDate periodFrom;
    @Column(name = "period_to")
    private LocalDate periodTo;
    @Column(nullable = false)
    private String note = "";
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "handler_id")
    private AppUser handler;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status = ApplicationStatus.IN_PROGRESS;
    @Enumerated(EnumType.STRING)
    @Column(name = "current_step")
    private ApplicationStep currentStep;
    @Column(name = "accepted_on", nullable = false)
    private LocalDate acceptedOn;
    @Column(name = "closed_on")
    private LocalDate closedOn;
    @Column(name = "limits_version", nullable = false)
    private String limitsVersion;
    @Column(name = "used_days", nullable = false)
    private int usedDays;
    @Column(name = "limit_days", nullable = false)
    private int limitDays;
    @Column(name = "due_on")
    private LocalDate dueOn;
    @Column(nullable = false)
    private boolean overdue;
    @Column(name = "master_data_note", nullable = false)
    private String masterDataNote = "";
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    @ElementCollection
    @CollectionTable(name = "connection_application_step", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<StepEntry> steps = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "connection_application_stop", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<ClockStop> stops = new ArrayList<>();

    protected Application() {
    }

    Application(String number, Customer customer, ApplicationDraft d, VoltageClass voltage, SupplyMode supply,
                AppUser handler, LocalDate acceptedOn, ApplicationLimits limits, String createdBy) {
        this.number = number;
        this.customer = customer;
        this.kind = d.kind();
        this.voltageClass = voltage;
        this.supplyMode = supply;
        this.capacityKva = d.capacityKva();
        this.demandKw = d.demandKw();
        this.basicChargeMode = d.basicChargeMode();
        this.transformerId = d.transformerId();
        this.address = d.address() == null ? "" : d.address().strip();
        this.wishedOn = d.wishedOn();
        this.periodFrom = d.periodFrom();
        this.periodTo = d.periodTo();
        this.note = d.note() == null ? "" : d.note().strip();
        this.handler = handler;
        this.acceptedOn = acceptedOn;
        this.limitsVersion = limits.version();
        this.createdBy = createdBy;
        for (ApplicationStep step : kind.steps(voltage)) {
            steps.add(new StepEntry(step, null, null, null,
                    limits.limit(kind, voltage, supply, step).workingDays(), 0));
        }
        steps.set(0, steps.getFirst().started(acceptedOn));
        this.currentStep = steps.getFirst().step();
    }

    /** Completes the current step and starts the next one on the same day; the last one closes the application. */
    void completeCurrent(LocalDate on, String by) {
        int i = currentIndex();
        steps.set(i, steps.get(i).completed(on, by));
        if (i + 1 < steps.size()) {
            steps.set(i + 1, steps.get(i + 1).started(on));
            currentStep = steps.get(i + 1).step();
        } else {
            currentStep = null;
            status = ApplicationStatus.COMPLETED;
            closedOn = on;
        }
        touch();
    }

    void stopClock(StopReason reason, String stopNote, LocalDate on, String by) {
        stops.add(new ClockStop(currentStep, reason, stopNote == null ? "" : stopNote.strip(), on, by, null, null));
        status = ApplicationStatus.WAITING;
        touch();
    }

    void restartClock(LocalDate on, String by) {
        for (int i = 0; i < stops.size(); i++) {
            if (stops.get(i).open()) {
                stops.set(i, stops.get(i).ended(on, by));
            }
        }
        status = ApplicationStatus.IN_PROGRESS;
        touch();
    }

    void cancel(LocalDate on, String by, String reason) {
        restartClockIfStopped(on, by);
        status = ApplicationStatus.CANCELLED;
        currentStep = null;
        closedOn = on;
        note = (note.isEmpty() ? "" : note + "\n") + reason.strip();
        touch();
    }

    private void restartClockIfStopped(LocalDate on, String by) {
        if (currentStop() != null) {
            restartClock(on, by);
        }
    }

    /** Writes the clock's reading back onto the steps and the application's sort columns. */
    void record(ApplicationClock.Reading reading) {
        for (int i = 0; i < steps.size() && i < reading.steps().size(); i++) {
            if (steps.get(i).usedDays() != reading.steps().get(i).usedDays()) {
                steps.set(i, steps.get(i).withUsed(reading.steps().get(i).usedDays()));
            }
        }
        usedDays = reading.usedDays();
        limitDays = reading.limitDays();
        ApplicationClock.StepReading current = reading.current();
        dueOn = current == null ? null : current.dueOn();
        overdue = status.open() && current != null && current.overdue();
    }

    void noteMasterData(String text) {
        masterDataNote = text;
    }

    ClockStop currentStop() {
        return stops.stream().filter(ClockStop::open).findFirst().orElse(null);
    }

    private int currentIndex() {
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).done()) {
                return i;
            }
        }
        throw new IllegalStateException("no open step");
    }

    private void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public String getNumber() {
        return number;
    }

    public Customer getCustomer() {
        return customer;
    }

    public ApplicationKind getKind() {
        return kind;
    }

    public VoltageClass getVoltageClass() {
        return voltageClass;
    }

    public SupplyMode getSupplyMode() {
        return supplyMode;
    }

    public BigDecimal getCapacityKva() {
        return capacityKva;
    }

    public BigDecimal getDemandKw() {
        return demandKw;
    }

    public BasicChargeMode getBasicChargeMode() {
        return basicChargeMode;
    }

    public Long getTransformerId() {
        return transformerId;
    }

    public String getAddress() {
        return address;
    }

    public LocalDate getWishedOn() {
        return wishedOn;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public String getNote() {
        return note;
    }

    public AppUser getHandler() {
        return handler;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public ApplicationStep getCurrentStep() {
        return currentStep;
    }

    public LocalDate getAcceptedOn() {
        return acceptedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getLimitsVersion() {
        return limitsVersion;
    }

    public int getUsedDays() {
        return usedDays;
    }

    public int getLimitDays() {
        return limitDays;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public String getMasterDataNote() {
        return masterDataNote;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<StepEntry> getSteps() {
        return steps;
    }

    public List<ClockStop> getStops() {
        return stops;
    }
}
