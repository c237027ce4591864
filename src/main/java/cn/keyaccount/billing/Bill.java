package cn.keyaccount.billing;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One account's monthly bill (电量电费发行), and whether and when it was paid. */
@Entity
@Table(name = "bill")
public class Bill extends AbstractEntity {

    @Column(name = "customer_id", nullable = false)
    private long customerId;
    @Column(nullable = false)
    private String period;
    @Column(name = "kwh_sharp", nullable = false)
    private BigDecimal kwhSharp;
    @Column(name = "kwh_peak", nullable = false)
    private BigDecimal kwhPeak;
    @Column(name = "kwh_flat", nullable = false)
    private BigDecimal kwhFlat;
    @Column(name = "kwh_valley", nullable = false)
    private BigDecimal kwhValley;
    @Column(name = "basic_charge", nullable = false)
    private BigDecimal basicCharge;
    @Column(name = "pf_adjustment", nullable = false)
    private BigDecimal pfAdjustment;
    @Column(nullable = false)
    private BigDecimal total;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;
    @Column(name = "issued_by", nullable = false)
    private String issuedBy;
    @Column(name = "source_file", nullable = false)
    private String sourceFile;
    @Column(name = "paid_at")
    private LocalDate paidAt;
    @Column(name = "paid_amount")
    private BigDecimal paidAmount;
    @Column(name = "reminders_sent", nullable = false)
    private int remindersSent;

    protected Bill() {
    }

    void pay(LocalDate at, BigDecimal amount) {
        this.paidAt = at;
        this.paidAmount = amount;
    }

    void remindersSent(int steps) {
        this.remindersSent = steps;
    }

    public BigDecimal kwh() {
        return kwhSharp.add(kwhPeak).add(kwhFlat).add(kwhValley);
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getPeriod() {
        return period;
    }

    public BigDecimal getBasicCharge() {
        return basicCharge;
    }

    public BigDecimal getPfAdjustment() {
        return pfAdjustment;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getPaidAt() {
        return paidAt;
    }

    public BigDecimal getPaidAmount() {
        return paidAmount;
    }

    public int getRemindersSent() {
        return remindersSent;
    }

    public String getSourceFile() {
        return sourceFile;
    }
}
