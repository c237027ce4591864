package cn.keyaccount.billing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

/** Billing notices ({@code keyaccount.billing.*}). */
@ConfigMapping(prefix = "keyaccount.billing")
public interface BillingConfig {

    /** Arrears reminders this long after the due date; the last step sends the final notice. */
    @WithDefault("P3D,P10D,P20D")
    List<Period> arrearsSteps();

    /** The low-balance warning level of a prepaid account that names none. */
    @WithDefault("5000")
    BigDecimal lowBalanceThreshold();
}
