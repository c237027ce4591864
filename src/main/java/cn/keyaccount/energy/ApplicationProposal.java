package cn.keyaccount.energy;

import cn.keyaccount.customer.BasicChargeMode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a recommendation would need an application (业扩变更) for, as the application form is pre-filled from it: the
 * kind, and the values that kind needs (the others null).
 *
 * @param mode          billing change: the basic-charge mode to change to
 * @param demandKw      billing change to contract demand: the demand to declare
 * @param capacityKva   capacity reduction: the customer's capacity after it (today's less the transformer's), as the
 *                      application form asks for it; null for a suspension (the transformer and the period say it)
 * @param transformerId capacity reduction or suspension: the transformer
 * @param from          suspension: its first day; capacity reduction: the day it would take effect
 * @param to            suspension: its last day
 */
public record ApplicationProposal(Kind kind, BasicChargeMode mode, BigDecimal demandKw, BigDecimal capacityKva,
                                  Long transformerId, LocalDate from, LocalDate to) {

    /** The application kinds a recommendation can start, with the name the application route takes. */
    public enum Kind {
        BILLING_CHANGE("billing-change"), CAPACITY_REDUCTION("capacity-reduction"), SUSPENSION("suspension");

        private final String routeName;

        Kind(String routeName) {
            this.routeName = routeName;
        }

        public String routeName() {
            return routeName;
        }
    }

    static ApplicationProposal billingChange(BasicChargeMode mode, BigDecimal demandKw) {
        return new ApplicationProposal(Kind.BILLING_CHANGE, mode, demandKw, null, null, null, null);
    }
}
