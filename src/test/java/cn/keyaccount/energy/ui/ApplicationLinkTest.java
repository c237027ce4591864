package cn.keyaccount.energy.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.energy.ApplicationProposal;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The address "start an application" opens: the application form's route with the advice as query parameters. */
class ApplicationLinkTest {

    @Test
    void a_suspension_advice_opens_the_form_with_customer_kind_capacity_transformer_and_period() {
        ApplicationProposal p = new ApplicationProposal(ApplicationProposal.Kind.SUSPENSION, null, null,
                new BigDecimal("1000.0"), 42L, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 9, 30));
        assertEquals("applications/new?customer=7&kind=suspension&capacityKva=1000&transformer=42"
                + "&from=2025-04-01&to=2025-09-30", ApplicationLink.url(7, p));
    }

    @Test
    void a_declared_demand_advice_opens_a_billing_change_with_the_mode_and_demand() {
        ApplicationProposal p = new ApplicationProposal(ApplicationProposal.Kind.BILLING_CHANGE,
                BasicChargeMode.CONTRACT_DEMAND, new BigDecimal("480"), null, null, null, null);
        assertEquals("applications/new?customer=7&kind=billing-change&mode=CONTRACT_DEMAND&demandKw=480",
                ApplicationLink.url(7, p));
        assertEquals("applications/new?customer=9&kind=capacity-reduction&capacityKva=630.5&transformer=3",
                ApplicationLink.url(9, new ApplicationProposal(ApplicationProposal.Kind.CAPACITY_REDUCTION, null,
                        null, new BigDecimal("630.50"), 3L, null, null)));
    }
}
