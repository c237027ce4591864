package cn.keyaccount.customer;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A transformer's capacity from a day on (减容 / 减容恢复 / 增容), with the capacity it had before. */
@Entity
@Table(name = "transformer_capacity_change")
class TransformerCapacityChange extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Transformer transformer;
    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CapacityChangeKind kind;
    @Column(name = "kva_before", nullable = false)
    private BigDecimal kvaBefore;
    @Column(name = "kva_after", nullable = false)
    private BigDecimal kvaAfter;
    @Column(nullable = false)
    private String reason;

    protected TransformerCapacityChange() {
    }

    TransformerCapacityChange(Transformer transformer, LocalDate effectiveOn, CapacityChangeKind kind,
                              BigDecimal kvaBefore, BigDecimal kvaAfter, String reason) {
        this.transformer = transformer;
        this.effectiveOn = effectiveOn;
        this.kind = kind;
        this.kvaBefore = kvaBefore;
        this.kvaAfter = kvaAfter;
        this.reason = reason;
    }

    Transformer getTransformer() {
        return transformer;
    }

    LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    CapacityChangeKind getKind() {
        return kind;
    }

    BigDecimal getKvaBefore() {
        return kvaBefore;
    }

    BigDecimal getKvaAfter() {
        return kvaAfter;
    }

    String getReason() {
        return reason;
    }
}
