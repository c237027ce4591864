package cn.keyaccount.report;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An issued report (immutable: the database refuses updates; reissuing makes the next issue). */
@Entity
@Table(name = "energy_report")
public class EnergyReport extends AbstractEntity {

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReportKind kind;
    @Column(nullable = false, updatable = false)
    private String period;
    @Column(name = "period_from", nullable = false, updatable = false)
    private LocalDate periodFrom;
    @Column(name = "period_to", nullable = false, updatable = false)
    private LocalDate periodTo;
    @Column(nullable = false, updatable = false)
    private int issue;
    @Column(nullable = false, updatable = false)
    private String language;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReportOrigin origin;
    @Column(name = "generated_by", nullable = false, updatable = false)
    private String generatedBy;
    @Column(name = "generated_at", nullable = false, updatable = false, insertable = false)
    private OffsetDateTime generatedAt;
    @Column(name = "total_kwh", nullable = false, updatable = false)
    private BigDecimal totalKwh;
    @Column(name = "total_yuan", nullable = false, updatable = false)
    private BigDecimal totalYuan;
    @Column(name = "saving_yuan", nullable = false, updatable = false)
    private BigDecimal savingYuan;
    @Column(name = "health_score", nullable = false, updatable = false)
    private int healthScore;

    protected EnergyReport() {
    }

    public long getCustomerId() {
        return customerId;
    }

    public ReportKind getKind() {
        return kind;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public int getIssue() {
        return issue;
    }

    public String getLanguage() {
        return language;
    }

    public ReportOrigin getOrigin() {
        return origin;
    }

    public String getGeneratedBy() {
        return generatedBy;
    }

    public OffsetDateTime getGeneratedAt() {
        return generatedAt;
    }

    public BigDecimal getTotalKwh() {
        return totalKwh;
    }

    public BigDecimal getTotalYuan() {
        return totalYuan;
    }

    public BigDecimal getSavingYuan() {
        return savingYuan;
    }

    public int getHealthScore() {
        return healthScore;
    }
}
