package cn.keyaccount.energy;

import cn.keyaccount.customer.BasicChargeMode;
import java.math.BigDecimal;

/**
 * What the analysis needs to know about a customer beyond its readings: the tariff it is billed on (province and
 * voltage class, kept by this feature), the basic-charge mode, the declared (contract) demand, the operating
 * capacity and the power-factor standard (kept on the customer's record). Edited together on the energy tab.
 *
 * @param declaredKw      the contract demand in force, null when none is declared
 * @param customerVersion the customer record's version the figures were read at (optimistic locking)
 * @param profileVersion  the energy profile's version, -1 while the customer has none (the defaults apply)
 */
public record EnergyProfile(long customerId, String province, String voltageClass, BasicChargeMode basicChargeMode,
                            BigDecimal declaredKw, BigDecimal capacityKva, PowerFactorStandard powerFactorStandard,
                            Long customerVersion, Long profileVersion) {

    /** The same figures, changed on the versions the editor read. */
    public EnergyProfile withVersions(long customer, long profile) {
        return new EnergyProfile(customerId, province, voltageClass, basicChargeMode, declaredKw, capacityKva,
                powerFactorStandard, customer, profile);
    }
}
