package cn.keyaccount.outage;

import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A key customer an outage affects: how (out, or one source out for dual supply with its critical loads), its
 * manager, and its first warning (class and time; null while the outage is held or before it was planned).
 */
public record AffectedRow(long outageId, long customerId, String accountNo, String customerName,
                          Importance importance, SupplyMode supplyMode, Effect effect, String linesOut,
                          String managerName, WarningClass warningClass, OffsetDateTime firstWarningAt,
                          Long firstNoticeId, List<String> criticalLoads) {

    public AffectedRow withCriticalLoads(List<String> loads) {
        return new AffectedRow(outageId, customerId, accountNo, customerName, importance, supplyMode, effect, linesOut,
                managerName, warningClass, firstWarningAt, firstNoticeId, loads);
    }
}
