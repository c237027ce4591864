package cn.keyaccount.billing;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A prepaid account's balance (电费余额) and the level below which the customer is warned. */
@Entity
@Table(name = "prepaid_account")
public class PrepaidAccount extends AbstractEntity {

    @Column(name = "customer_id", nullable = false)
    private long customerId;
    @Column(nullable = false)
    private BigDecimal balance;
    @Column(name = "low_threshold", nullable = false)
    private BigDecimal lowThreshold;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected PrepaidAccount() {
    }

    PrepaidAccount(long customerId, BigDecimal balance, BigDecimal lowThreshold) {
        this.customerId = customerId;
        this.balance = balance;
        this.lowThreshold = lowThreshold;
        this.updatedAt = OffsetDateTime.now();
    }

    void update(BigDecimal newBalance, BigDecimal threshold) {
        this.balance = newBalance;
        if (threshold != null) {
            this.lowThreshold = threshold;
        }
        this.updatedAt = OffsetDateTime.now();
    }

    public long getCustomerId() {
        return customerId;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public BigDecimal getLowThreshold() {
        return lowThreshold;
    }
}
