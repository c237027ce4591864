package cn.keyaccount.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The editable fields of a key customer: what a form binds to, what the REST API accepts and what an import row
 * becomes. The service validates it; {@code version} is the version the editor saw (optimistic locking).
 */
public class CustomerDraft {

    private String accountNo;
    private String name;
    private String creditCode;
    private String industryCode;
    private String industryName;
    private String address;
    private String district;
    private Long unitId;
    private BigDecimal voltageKv;
    private BigDecimal contractCapacityKva;
    private BigDecimal operatingCapacityKva;
    private SupplyMode supplyMode;
    private Importance importance;
    private String tariffCategory;
    private BasicChargeMode basicChargeMode;
    private BigDecimal powerFactorStandard;
    private String creditRating;
    private BigDecimal annualKwh;
    private BigDecimal annualRevenueYuan;
    private BigDecimal growthRate;
    private List<Long> lineIds = new ArrayList<>();
    private Long version;

    public String getAccountNo() {
        return accountNo;
    }

    public void setAccountNo(String accountNo) {
        this.accountNo = accountNo;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getIndustryCode() {
        return industryCode;
    }

    public void setIndustryCode(String industryCode) {
        this.industryCode = industryCode;
    }

    public String getIndustryName() {
        return industryName;
    }

    public void setIndustryName(String industryName) {
        this.industryName = industryName;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public BigDecimal getVoltageKv() {
        return voltageKv;
    }

    public void setVoltageKv(BigDecimal voltageKv) {
        this.voltageKv = voltageKv;
    }

    public BigDecimal getContractCapacityKva() {
        return contractCapacityKva;
    }

    public void setContractCapacityKva(BigDecimal contractCapacityKva) {
        this.contractCapacityKva = contractCapacityKva;
    }

    public BigDecimal getOperatingCapacityKva() {
        return operatingCapacityKva;
    }

    public void setOperatingCapacityKva(BigDecimal operatingCapacityKva) {
        this.operatingCapacityKva = operatingCapacityKva;
    }

    public SupplyMode getSupplyMode() {
        return supplyMode;
    }

    public void setSupplyMode(SupplyMode supplyMode) {
        this.supplyMode = supplyMode;
    }

    public Importance getImportance() {
        return importance;
    }

    public void setImportance(Importance importance) {
        this.importance = importance;
    }

    public String getTariffCategory() {
        return tariffCategory;
    }

    public void setTariffCategory(String tariffCategory) {
        this.tariffCategory = tariffCategory;
    }

    public BasicChargeMode getBasicChargeMode() {
        return basicChargeMode;
    }

    public void setBasicChargeMode(BasicChargeMode basicChargeMode) {
        this.basicChargeMode = basicChargeMode;
    }

    public BigDecimal getPowerFactorStandard() {
        return powerFactorStandard;
    }

    public void setPowerFactorStandard(BigDecimal powerFactorStandard) {
        this.powerFactorStandard = powerFactorStandard;
    }

    public String getCreditRating() {
        return creditRating;
    }

    public void setCreditRating(String creditRating) {
        this.creditRating = creditRating;
    }

    public BigDecimal getAnnualKwh() {
        return annualKwh;
    }

    public void setAnnualKwh(BigDecimal annualKwh) {
        this.annualKwh = annualKwh;
    }

    public BigDecimal getAnnualRevenueYuan() {
        return annualRevenueYuan;
    }

    public void setAnnualRevenueYuan(BigDecimal annualRevenueYuan) {
        this.annualRevenueYuan = annualRevenueYuan;
    }

    public BigDecimal getGrowthRate() {
        return growthRate;
    }

    public void setGrowthRate(BigDecimal growthRate) {
        this.growthRate = growthRate;
    }

    public List<Long> getLineIds() {
        return lineIds;
    }

    public void setLineIds(List<Long> lineIds) {
        this.lineIds = lineIds;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
