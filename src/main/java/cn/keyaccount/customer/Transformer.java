package cn.keyaccount.customer;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A customer-owned transformer: rated capacity, no-load loss P0 and load loss Pk (for load-rate analysis). */
@Entity
@Table(name = "transformer")
public class Transformer extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @Column(nullable = false)
    private String name;
    @Column(name = "rated_kva", nullable = false)
    private BigDecimal ratedKva;
    @Column(name = "no_load_loss_kw", nullable = false)
    private BigDecimal noLoadLossKw;
    @Column(name = "load_loss_kw", nullable = false)
    private BigDecimal loadLossKw;

    protected Transformer() {
    }

    Transformer(Customer customer) {
        this.customer = customer;
    }

    void apply(TransformerDraft d) {
        this.name = d.getName().trim();
        this.ratedKva = d.getRatedKva();
        this.noLoadLossKw = d.getNoLoadLossKw();
        this.loadLossKw = d.getLoadLossKw();
    }

    void changeCapacity(BigDecimal kva) {
        this.ratedKva = kva;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getRatedKva() {
        return ratedKva;
    }

    public BigDecimal getNoLoadLossKw() {
        return noLoadLossKw;
    }

    public BigDecimal getLoadLossKw() {
        return loadLossKw;
    }
}
