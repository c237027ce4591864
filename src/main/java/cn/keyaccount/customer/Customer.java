package cn.keyaccount.customer;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.network.SupplyLine;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.security.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/** A key customer (重点大客户): one electricity account. */
@Entity
@Table(name = "customer")
public class Customer extends AbstractEntity {

    @Column(name = "account_no", nullable = false, unique = true)
    private String accountNo;
    @Column(nullable = false)
    private String name;
    @Column(name = "credit_code", nullable = false)
    private String creditCode;
    @Column(name = "industry_code", nullable = false)
    private String industryCode;
    @Column(name = "industry_name", nullable = false)
    private String industryName;
    @Column(nullable = false)
    private String address;
    @Column(nullable = false)
    private String district;
    /** Maintained by a database trigger from the customer, its managers and lines; read only by the search. */
    @Column(name = "search_text", insertable = false, updatable = false)
    private String searchText;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private OrgUnit unit;
    @Column(name = "voltage_kv", nullable = false)
    private BigDecimal voltageKv;
    @Column(name = "contract_capacity_kva", nullable = false)
    private BigDecimal contractCapacityKva;
    @Column(name = "operating_capacity_kva", nullable = false)
    private BigDecimal operatingCapacityKva;
    @Enumerated(EnumType.STRING)
    @Column(name = "supply_mode", nullable = false)
    private SupplyMode supplyMode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Importance importance;
    @Column(name = "tariff_category", nullable = false)
    private String tariffCategory;
    @Enumerated(EnumType.STRING)
    @Column(name = "basic_charge_mode", nullable = false)
    private BasicChargeMode basicChargeMode;
    @Column(name = "power_factor_standard", nullable = false)
    private BigDecimal powerFactorStandard;
    @Column(name = "credit_rating", nullable = false)
    private String creditRating;
    @Column(name = "annual_kwh", nullable = false)
    private BigDecimal annualKwh;
    @Column(name = "annual_revenue_yuan", nullable = false)
    private BigDecimal annualRevenueYuan;
    @Column(name = "growth_rate", nullable = false)
    private BigDecimal growthRate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "bpchar")
    private Tier tier;
    @ManyToOne(fetch = FetchType.LAZY)
    private AppUser manager;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "backup_manager_id")
    private AppUser backupManager;
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "customer_supply_line", joinColumns = @JoinColumn(name = "customer_id"),
            inverseJoinColumns = @JoinColumn(name = "line_id"))
    private Set<SupplyLine> lines = new HashSet<>();
    /** Customer-portal users who may see this account. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "user_customer", joinColumns = @JoinColumn(name = "customer_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<AppUser> portalUsers = new HashSet<>();
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    protected Customer() {
    }

    Customer(String accountNo) {
        this.accountNo = accountNo;
    }

    /** Copies the editable fields of a draft (already validated) and derives the tier. */
    void apply(CustomerDraft d, OrgUnit unit, Set<SupplyLine> supplyLines) {
        this.name = d.getName().trim();
        this.creditCode = d.getCreditCode().trim().toUpperCase();
        this.industryCode = d.getIndustryCode().trim().toUpperCase();
        this.industryName = d.getIndustryName().trim();
        this.address = d.getAddress().trim();
        this.district = d.getDistrict().trim();
        this.unit = unit;
        this.voltageKv = d.getVoltageKv();
        this.contractCapacityKva = d.getContractCapacityKva();
        this.operatingCapacityKva = d.getOperatingCapacityKva();
        this.supplyMode = d.getSupplyMode();
        this.importance = d.getImportance();
        this.tariffCategory = d.getTariffCategory().trim();
        this.basicChargeMode = d.getBasicChargeMode();
        this.powerFactorStandard = d.getPowerFactorStandard();
        this.creditRating = d.getCreditRating();
        this.annualKwh = d.getAnnualKwh() == null ? BigDecimal.ZERO : d.getAnnualKwh();
        this.annualRevenueYuan = d.getAnnualRevenueYuan() == null ? BigDecimal.ZERO : d.getAnnualRevenueYuan();
        this.growthRate = d.getGrowthRate() == null ? BigDecimal.ZERO : d.getGrowthRate();
        this.tier = CustomerTiering.tierOf(this.annualKwh, this.annualRevenueYuan, importance, creditRating,
                this.growthRate);
        this.lines.clear();
        this.lines.addAll(supplyLines);
        this.updatedAt = OffsetDateTime.now();
    }

    void assignManagers(AppUser primary, AppUser backup) {
        this.manager = primary;
        this.backupManager = backup;
    }

    public String getAccountNo() {
        return accountNo;
    }

    public String getName() {
        return name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getIndustryCode() {
        return industryCode;
    }

    public String getIndustryName() {
        return industryName;
    }

    public String getAddress() {
        return address;
    }

    public String getDistrict() {
        return district;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public BigDecimal getVoltageKv() {
        return voltageKv;
    }

    public BigDecimal getContractCapacityKva() {
        return contractCapacityKva;
    }

    public BigDecimal getOperatingCapacityKva() {
        return operatingCapacityKva;
    }

    /** A transformer's capacity changed by {@code deltaKva} (减容 / 增容): the operating capacity follows it. */
    void changeOperatingCapacity(BigDecimal deltaKva) {
        this.operatingCapacityKva = operatingCapacityKva.add(deltaKva);
    }

    public SupplyMode getSupplyMode() {
        return supplyMode;
    }

    public Importance getImportance() {
        return importance;
    }

    public String getTariffCategory() {
        return tariffCategory;
    }

    public BasicChargeMode getBasicChargeMode() {
        return basicChargeMode;
    }

    public BigDecimal getPowerFactorStandard() {
        return powerFactorStandard;
    }

    public String getCreditRating() {
        return creditRating;
    }

    public BigDecimal getAnnualKwh() {
        return annualKwh;
    }

    public BigDecimal getAnnualRevenueYuan() {
        return annualRevenueYuan;
    }

    public BigDecimal getGrowthRate() {
        return growthRate;
    }

    public Tier getTier() {
        return tier;
    }

    public AppUser getManager() {
        return manager;
    }

    public AppUser getBackupManager() {
        return backupManager;
    }

    public Set<SupplyLine> getLines() {
        return lines;
    }

    public Set<AppUser> getPortalUsers() {
        return portalUsers;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
