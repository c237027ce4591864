package cn.keyaccount.customer;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A period a transformer is out of service (暂停): from its first to its last day, open until restored. */
@Entity
@Table(name = "transformer_suspension")
class TransformerSuspension extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Transformer transformer;
    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    @Column(nullable = false)
    private String reason;

    protected TransformerSuspension() {
    }

    TransformerSuspension(Transformer transformer, LocalDate startsOn, LocalDate endsOn, String reason) {
        this.transformer = transformer;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.reason = reason;
    }

    Transformer getTransformer() {
        return transformer;
    }

    LocalDate getStartsOn() {
        return startsOn;
    }

    LocalDate getEndsOn() {
        return endsOn;
    }

    String getReason() {
        return reason;
    }

    void endOn(LocalDate lastDay) {
        this.endsOn = lastDay;
    }
}
