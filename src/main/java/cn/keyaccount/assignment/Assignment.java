package cn.keyaccount.assignment;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.security.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One period of a customer's service assignment (服务对应关系): its primary manager and optional backup, from when
 * to when, who decided it and why. The current one has no end; history is never rewritten.
 */
@Entity
@Table(name = "assignment")
public class Assignment extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private AppUser manager;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "backup_manager_id")
    private AppUser backupManager;
    @Column(name = "valid_from", nullable = false)
    private OffsetDateTime validFrom;
    @Column(name = "valid_to")
    private OffsetDateTime validTo;
    @Column(name = "assigned_by", nullable = false)
    private String assignedBy;
    @Column(nullable = false)
    private String reason;

    protected Assignment() {
    }

    Assignment(Customer customer, AppUser manager, AppUser backupManager, OffsetDateTime validFrom,
               String assignedBy, String reason) {
        this.customer = customer;
        this.manager = manager;
        this.backupManager = backupManager;
        this.validFrom = validFrom;
        this.assignedBy = assignedBy;
        this.reason = reason;
    }

    void end(OffsetDateTime at) {
        this.validTo = at;
    }

    AssignmentRecord toRecord() {
        return new AssignmentRecord(getId(), customer.getId(), manager.getId(), manager.getDisplayName(),
                backupManager == null ? null : backupManager.getId(),
                backupManager == null ? null : backupManager.getDisplayName(), validFrom, validTo, assignedBy, reason);
    }

    public Customer getCustomer() {
        return customer;
    }

    public AppUser getManager() {
        return manager;
    }

    public AppUser getBackupManager() {
        return backupManager;
    }
}
