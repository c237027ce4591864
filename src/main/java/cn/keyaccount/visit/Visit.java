package cn.keyaccount.visit;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.security.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** One visit to a key customer (定期走访): planned, then confirmed, recorded or cancelled. The record lives here too. */
@Entity
@Table(name = "visit")
public class Visit extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private AppUser manager;
    @Enumerated(EnumType.STRING)
    @Column(name = "visit_type", nullable = false)
    private VisitType type;
    @Column(name = "planned_date", nullable = false)
    private LocalDate plannedDate;
    @Column(name = "planned_time")
    private LocalTime plannedTime;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VisitStatus status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VisitOrigin origin;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "done_date")
    private LocalDate doneDate;
    private String participants;
    @Column(name = "contacts_met")
    private String contactsMet;
    private String findings;
    private String demands;
    private Integer satisfaction;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "customer_response", nullable = false)
    private CustomerResponse customerResponse = CustomerResponse.NONE;
    @Column(name = "customer_note")
    private String customerNote;
    @Column(name = "customer_proposed_date")
    private LocalDate customerProposedDate;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    protected Visit() {
    }

    Visit(Customer customer, AppUser manager, VisitType type, LocalDate plannedDate, LocalTime plannedTime,
          VisitOrigin origin) {
        this.customer = customer;
        this.manager = manager;
        this.type = type;
        this.plannedDate = plannedDate;
        this.plannedTime = plannedTime;
        this.origin = origin;
        this.status = VisitStatus.PLANNED;
    }

    void moveTo(LocalDate date, LocalTime time) {
        plannedDate = date;
        plannedTime = time;
        status = VisitStatus.PLANNED;
        origin = VisitOrigin.MANUAL;
        // a confirmation or a request was about the old date; the customer answers the new one afresh
        customerResponse = CustomerResponse.NONE;
        customerProposedDate = null;
    }

    void confirm() {
        status = VisitStatus.CONFIRMED;
        origin = VisitOrigin.MANUAL;
    }

    void cancel(String reason) {
        status = VisitStatus.CANCELLED;
        origin = VisitOrigin.MANUAL;
        cancelReason = reason;
    }

    void record(VisitRecordDraft r, String by) {
        status = VisitStatus.DONE;
        origin = VisitOrigin.MANUAL;
        doneDate = r.doneDate();
        if (r.type() != null) {
            type = r.type();
        }
        participants = r.participants();
        contactsMet = r.contactsMet();
        findings = r.findings();
        demands = r.demands();
        satisfaction = r.satisfaction();
        recordedBy = by;
        recordedAt = OffsetDateTime.now();
    }

    /**
     * The customer's answer. Confirming the date confirms the visit; either answer makes it a visit a person has
     * dealt with, which the planner keeps (a request must not vanish in a regeneration).
     */
    void respond(CustomerResponse response, String note, LocalDate proposed) {
        customerResponse = response;
        customerNote = note;
        customerProposedDate = proposed;
        origin = VisitOrigin.MANUAL;
        if (response == CustomerResponse.CONFIRMED) {
            status = VisitStatus.CONFIRMED;
        }
    }

    public Customer getCustomer() {
        return customer;
    }

    public AppUser getManager() {
        return manager;
    }

    public VisitType getType() {
        return type;
    }

    public LocalDate getPlannedDate() {
        return plannedDate;
    }

    public LocalTime getPlannedTime() {
        return plannedTime;
    }

    public VisitStatus getStatus() {
        return status;
    }

    public VisitOrigin getOrigin() {
        return origin;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public LocalDate getDoneDate() {
        return doneDate;
    }

    public String getParticipants() {
        return participants;
    }

    public String getContactsMet() {
        return contactsMet;
    }

    public String getFindings() {
        return findings;
    }

    public String getDemands() {
        return demands;
    }

    public Integer getSatisfaction() {
        return satisfaction;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public CustomerResponse getCustomerResponse() {
        return customerResponse;
    }

    public String getCustomerNote() {
        return customerNote;
    }

    public LocalDate getCustomerProposedDate() {
        return customerProposedDate;
    }
}
