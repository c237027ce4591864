package cn.keyaccount.customer;

import cn.keyaccount.security.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Immutable;

/**
 * The narrow copy of a customer that the list searches, filters, sorts and pages (table customer_search, kept by a
 * database trigger, never written here). Its properties carry the customer's names, so the list's scope and filter
 * conditions read the same on either.
 */
@Entity
@Immutable
@Table(name = "customer_search")
class CustomerSearchEntry {

    @Id
    private Long id;
    @Embedded
    private Unit unit;
    @ManyToOne(fetch = FetchType.LAZY)
    private AppUser manager;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "backup_manager_id")
    private AppUser backupManager;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "bpchar")
    private Tier tier;
    @Column(name = "voltage_kv", nullable = false)
    private BigDecimal voltageKv;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Importance importance;
    @Column(nullable = false)
    private String name;
    @Column(name = "account_no", nullable = false)
    private String accountNo;
    @Column(name = "contract_capacity_kva", nullable = false)
    private BigDecimal contractCapacityKva;
    @Column(name = "annual_kwh", nullable = false)
    private BigDecimal annualKwh;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Column(name = "search_text", nullable = false)
    private String searchText;
    @Column(name = "search_tokens", nullable = false)
    private String[] searchTokens;
    // the row's bucket in each sort order (V42, CustomerSearchBuckets)
    @Column(name = "name_bucket", nullable = false)
    private int nameBucket;
    @Column(name = "account_bucket", nullable = false)
    private int accountBucket;
    @Column(name = "capacity_bucket", nullable = false)
    private int capacityBucket;
    @Column(name = "annual_kwh_bucket", nullable = false)
    private int annualKwhBucket;
    @Column(name = "voltage_bucket", nullable = false)
    private int voltageBucket;
    @Column(name = "updated_bucket", nullable = false)
    private int updatedBucket;
    @Column(name = "tier_bucket", nullable = false)
    private int tierBucket;

    protected CustomerSearchEntry() {
    }

    /** The customer's unit as the search needs it: {@code c.unit.path} reads the same as on a customer. */
    @Embeddable
    static class Unit {
        @Column(name = "unit_id", nullable = false)
        private Long id;
        @Column(name = "unit_path", nullable = false)
        private String path;
    }
}
