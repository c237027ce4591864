package cn.keyaccount.customer;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalTime;

/** A person at the customer, with the channels they accept and the hours they must not be disturbed. */
@Entity
@Table(name = "contact")
public class Contact extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String role;
    private String mobile;
    private String email;
    @Column(name = "accepts_sms", nullable = false)
    private boolean acceptsSms;
    @Column(name = "accepts_email", nullable = false)
    private boolean acceptsEmail;
    @Column(name = "accepts_portal", nullable = false)
    private boolean acceptsPortal;
    @Column(name = "quiet_from")
    private LocalTime quietFrom;
    @Column(name = "quiet_to")
    private LocalTime quietTo;

    protected Contact() {
    }

    Contact(Customer customer) {
        this.customer = customer;
    }

    void apply(ContactDraft d) {
        this.name = d.getName().trim();
        this.role = d.getRole().trim();
        this.mobile = blankToNull(d.getMobile());
        this.email = blankToNull(d.getEmail());
        this.acceptsSms = d.isAcceptsSms();
        this.acceptsEmail = d.isAcceptsEmail();
        this.acceptsPortal = d.isAcceptsPortal();
        this.quietFrom = d.getQuietFrom();
        this.quietTo = d.getQuietTo();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getName() {
        return name;
    }

    public String getRole() {
        return role;
    }

    public String getMobile() {
        return mobile;
    }

    public String getEmail() {
        return email;
    }

    public boolean isAcceptsSms() {
        return acceptsSms;
    }

    public boolean isAcceptsEmail() {
        return acceptsEmail;
    }

    public boolean isAcceptsPortal() {
        return acceptsPortal;
    }

    public LocalTime getQuietFrom() {
        return quietFrom;
    }

    public LocalTime getQuietTo() {
        return quietTo;
    }
}
