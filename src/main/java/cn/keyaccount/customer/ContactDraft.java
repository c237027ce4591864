package cn.keyaccount.customer;

import java.time.LocalTime;

/** The editable fields of a contact (form bean and REST body). */
public class ContactDraft {

    private String name;
    private String role;
    private String mobile;
    private String email;
    private boolean acceptsSms = true;
    private boolean acceptsEmail = true;
    private boolean acceptsPortal = true;
    private LocalTime quietFrom;
    private LocalTime quietTo;
    private Long version;

    public static ContactDraft of(ContactDetails c) {
        ContactDraft d = new ContactDraft();
        d.name = c.name();
        d.role = c.role();
        d.mobile = c.mobile();
        d.email = c.email();
        d.acceptsSms = c.acceptsSms();
        d.acceptsEmail = c.acceptsEmail();
        d.acceptsPortal = c.acceptsPortal();
        d.quietFrom = c.quietFrom();
        d.quietTo = c.quietTo();
        d.version = c.version();
        return d;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isAcceptsSms() {
        return acceptsSms;
    }

    public void setAcceptsSms(boolean acceptsSms) {
        this.acceptsSms = acceptsSms;
    }

    public boolean isAcceptsEmail() {
        return acceptsEmail;
    }

    public void setAcceptsEmail(boolean acceptsEmail) {
        this.acceptsEmail = acceptsEmail;
    }

    public boolean isAcceptsPortal() {
        return acceptsPortal;
    }

    public void setAcceptsPortal(boolean acceptsPortal) {
        this.acceptsPortal = acceptsPortal;
    }

    public LocalTime getQuietFrom() {
        return quietFrom;
    }

    public void setQuietFrom(LocalTime quietFrom) {
        this.quietFrom = quietFrom;
    }

    public LocalTime getQuietTo() {
        return quietTo;
    }

    public void setQuietTo(LocalTime quietTo) {
        this.quietTo = quietTo;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
