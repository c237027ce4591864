package cn.keyaccount.customer;

import java.math.BigDecimal;

/** One line of the customer list. */
public record CustomerRow(long id, String accountNo, String name, String industryName, String district,
                          String unitName, BigDecimal voltageKv, BigDecimal contractCapacityKva,
                          Importance importance, Tier tier, BigDecimal annualKwh, Long managerId, String managerName) {
}
