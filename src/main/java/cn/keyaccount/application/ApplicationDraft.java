package cn.keyaccount.application;

import cn.keyaccount.customer.BasicChargeMode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new application: the customer and kind, and what the kind asks for — the new capacity (新装, 增容, 减容), the
 * basic-charge mode and declared demand (计费方式变更), the transformer and period (暂停, 减容), the address and the
 * date the customer wishes power on. Voltage and single/dual supply come from the customer record.
 */
public record ApplicationDraft(Long customerId, ApplicationKind kind, BigDecimal capacityKva, BigDecimal demandKw,
                               BasicChargeMode basicChargeMode, Long transformerId, String address,
                               LocalDate wishedOn, LocalDate periodFrom, LocalDate periodTo, String note) {
}
