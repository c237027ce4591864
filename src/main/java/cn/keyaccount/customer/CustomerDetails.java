package cn.keyaccount.customer;

import cn.keyaccount.network.LineDetails;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Everything about one customer that its profile page shows, plus what the viewer may do with it. */
public record CustomerDetails(long id, long version, String accountNo, String name, String creditCode,
                              String industryCode, String industryName, String address, String district, long unitId,
                              String unitName, BigDecimal voltageKv, BigDecimal contractCapacityKva,
                              BigDecimal operatingCapacityKva, SupplyMode supplyMode, Importance importance,
                              String tariffCategory, BasicChargeMode basicChargeMode, BigDecimal powerFactorStandard,
                              String creditRating, BigDecimal annualKwh, BigDecimal annualRevenueYuan,
                              BigDecimal growthRate, Tier tier, Long managerId, String managerName,
                              Long backupManagerId, String backupManagerName, List<LineDetails> lines,
                              OffsetDateTime updatedAt, boolean editable) {

    public CustomerDraft toDraft() {
        CustomerDraft d = new CustomerDraft();
        d.setAccountNo(accountNo);
        d.setName(name);
        d.setCreditCode(creditCode);
        d.setIndustryCode(industryCode);
        d.setIndustryName(industryName);
        d.setAddress(address);
        d.setDistrict(district);
        d.setUnitId(unitId);
        d.setVoltageKv(voltageKv);
        d.setContractCapacityKva(contractCapacityKva);
        d.setOperatingCapacityKva(operatingCapacityKva);
        d.setSupplyMode(supplyMode);
        d.setImportance(importance);
        d.setTariffCategory(tariffCategory);
        d.setBasicChargeMode(basicChargeMode);
        d.setPowerFactorStandard(powerFactorStandard);
        d.setCreditRating(creditRating);
        d.setAnnualKwh(annualKwh);
        d.setAnnualRevenueYuan(annualRevenueYuan);
        d.setGrowthRate(growthRate);
        d.setLineIds(lines.stream().map(LineDetails::id).toList());
        d.setVersion(version);
        return d;
    }
}
