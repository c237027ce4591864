package cn.keyaccount.customer;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a customer's fields must meet, reported field by field. */
@ApplicationScoped
public class CustomerValidator {

    public static final List<BigDecimal> VOLTAGES = List.of(new BigDecimal("0.4"), new BigDecimal("10"),
            new BigDecimal("20"), new BigDecimal("35"), new BigDecimal("110"));
    public static final List<BigDecimal> POWER_FACTOR_STANDARDS = List.of(new BigDecimal("0.80"),
            new BigDecimal("0.85"), new BigDecimal("0.90"));
    public static final List<String> CREDIT_RATINGS = List.of("AAA", "AA", "A", "B", "C");
    private static final Pattern ACCOUNT_NO = Pattern.compile("\\d{10}");
    /** GB/T 4754 class: a section letter, optionally followed by 2 to 4 digits. */
    private static final Pattern INDUSTRY = Pattern.compile("[A-T](\\d{2,4})?");
    /** Capacity in kVA: 0.1 (numeric(12,1) would round less to 0) to 1,000 MVA, beyond any single 110 kV account. */
    public static final String MIN_CAPACITY_KVA = "0.1";
    public static final String MAX_CAPACITY_KVA = "1000000";
    /** A year's consumption (kWh) and revenue (yuan): up to 100 billion, far inside numeric(16,1) and (16,2). */
    public static final String MAX_ANNUAL = "100000000000";
    /** Growth as a fraction: -100 % to +1,000 % (numeric(6,3)). */
    public static final String MIN_GROWTH = "-1";
    public static final String MAX_GROWTH = "10";
    /** Supply lines of one account: dual supply has two or three; twenty is far beyond any real one. */
    public static final int MAX_LINES = 20;

    private final CustomerRepository customers;
    private final OrgService org;

    CustomerValidator(CustomerRepository customers, OrgService org) {
        this.customers = customers;
        this.org = org;
    }

    /** Validates a draft for a new ({@code existing} null) or an existing customer; returns its unit. */
    public OrgUnit validate(Viewer viewer, CustomerDraft d, Customer existing) {
        Validation v = fieldRules(d);
        if (existing == null && d.getAccountNo() != null && ACCOUNT_NO.matcher(d.getAccountNo().trim()).matches()) {
            v.require(customers.count("accountNo", d.getAccountNo().trim()) == 0, "accountNo",
                    "error.account-no-taken", d.getAccountNo().trim());
        }
        if (existing != null && d.getAccountNo() != null) {
            v.require(existing.getAccountNo().equals(d.getAccountNo().trim()), "accountNo",
                    "error.account-no-immutable");
        }
        OrgUnit unit = d.getUnitId() == null ? null : findUnit(d.getUnitId());
        v.require(d.getUnitId() == null || unit != null, "unitId", "error.unit-not-found", d.getUnitId());
        v.throwIfInvalid();
        if (!viewer.isAdmin() && !unit.getPath().startsWith(viewer.unitPath())
                && (existing == null || !existing.getUnit().equals(unit))) {
            throw BusinessException.invalidFields(List.of(
                    new BusinessException.FieldError("unitId", "error.unit-outside-scope")));
        }
        return unit;
    }

    private OrgUnit findUnit(long id) {
        try {
            return org.unit(id);
        } catch (BusinessException e) {
            return null;
        }
    }

    /** The rules that need no database: also used to check import rows before anything is written. */
    public static Validation fieldRules(CustomerDraft d) {
        Validation v = new Validation();
        v.require(d.getAccountNo() != null && ACCOUNT_NO.matcher(d.getAccountNo().trim()).matches(), "accountNo",
                "error.account-no-format");
        v.notBlank(d.getName(), "name").maxLength(d.getName(), 200, "name");
        v.require(CreditCode.isValid(d.getCreditCode() == null ? null : d.getCreditCode().trim()), "creditCode",
                "error.credit-code");
        v.require(d.getIndustryCode() != null && INDUSTRY.matcher(d.getIndustryCode().trim().toUpperCase()).matches(),
                "industryCode", "error.industry-code");
        v.notBlank(d.getIndustryName(), "industryName").maxLength(d.getIndustryName(), 100, "industryName");
        v.notBlank(d.getAddress(), "address").maxLength(d.getAddress(), 300, "address");
        v.notBlank(d.getDistrict(), "district").maxLength(d.getDistrict(), 100, "district");
        v.require(d.getUnitId() != null, "unitId", "error.required");
        v.require(d.getVoltageKv() != null && VOLTAGES.stream().anyMatch(x -> x.compareTo(d.getVoltageKv()) == 0),
                "voltageKv", "error.voltage");
        v.require(positive(d.getContractCapacityKva()), "contractCapacityKva", "error.positive");
        v.range(d.getContractCapacityKva(), MIN_CAPACITY_KVA, MAX_CAPACITY_KVA, "contractCapacityKva");
        v.require(positive(d.getOperatingCapacityKva()), "operatingCapacityKva", "error.positive");
        v.range(d.getOperatingCapacityKva(), MIN_CAPACITY_KVA, MAX_CAPACITY_KVA, "operatingCapacityKva");
        v.require(d.getSupplyMode() != null, "supplyMode", "error.required");
        v.require(d.getImportance() != null, "importance", "error.required");
        v.notBlank(d.getTariffCategory(), "tariffCategory").maxLength(d.getTariffCategory(), 40, "tariffCategory");
        v.require(d.getBasicChargeMode() != null, "basicChargeMode", "error.required");
        v.require(d.getPowerFactorStandard() != null
                        && POWER_FACTOR_STANDARDS.stream().anyMatch(x -> x.compareTo(d.getPowerFactorStandard()) == 0),
                "powerFactorStandard", "error.power-factor-standard");
        v.require(d.getCreditRating() != null && CREDIT_RATINGS.contains(d.getCreditRating()), "creditRating",
                "error.credit-rating");
        v.require(notNegative(d.getAnnualKwh()), "annualKwh", "error.not-negative");
        v.require(notNegative(d.getAnnualRevenueYuan()), "annualRevenueYuan", "error.not-negative");
        v.range(d.getAnnualKwh(), "0", MAX_ANNUAL, "annualKwh");
        v.range(d.getAnnualRevenueYuan(), "0", MAX_ANNUAL, "annualRevenueYuan");
        v.range(d.getGrowthRate(), MIN_GROWTH, MAX_GROWTH, "growthRate");
        v.maxSize(d.getLineIds(), MAX_LINES, "lineIds");
        v.require(d.getLineIds() != null && new HashSet<>(d.getLineIds()).size() == d.getLineIds().size(), "lineIds",
                "error.lines-duplicate");
        v.require(d.getSupplyMode() != SupplyMode.DUAL || d.getLineIds() == null || d.getLineIds().size() >= 2,
                "lineIds", "error.dual-supply-lines");
        return v;
    }

    private static boolean positive(BigDecimal x) {
        return x != null && x.signum() > 0;
    }

    private static boolean notNegative(BigDecimal x) {
        return x == null || x.signum() >= 0;
    }
}
