package cn.keyaccount.report;

import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.SupplyMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a 供电方案答复单 (the answer to a connection or capacity-change application) says, as the application pipeline
 * hands it to {@link SupplySchemeDocument}. Texts are written in the language of the document asked for.
 *
 * @param schemeNo            the scheme's (or application's) number
 * @param accountNo           the 户号, null for a new connection that has none yet
 * @param applicationKind     the kind of application in words (新装, 增容, …)
 * @param capacityKva         the capacity granted
 * @param province            with {@code voltageClass}: the tariff whose basic-charge prices the modes are priced at
 * @param proposedMode        the basic-charge mode the customer asked for (NONE: single-part tariff, no basic charge)
 * @param expectedMaxDemandKw the maximum demand the customer expects, for the demand modes
 * @param declaredDemandKw    the contract demand the customer would declare, null: the cheapest for the expected one
 * @param validUntil          the last day the scheme is valid, null when not stated
 * @param notes               further requirements (reactive compensation, power quality, own generation …)
 */
public record SupplySchemeInputs(String schemeNo, String customerName, String accountNo, String address,
                                 String applicationKind, BigDecimal capacityKva, BigDecimal voltageKv,
                                 SupplyMode supplyMode, List<Line> supplyLines, Metering metering,
                                 String tariffCategory, String province, String voltageClass,
                                 BasicChargeMode proposedMode, BigDecimal expectedMaxDemandKw,
                                 BigDecimal declaredDemandKw, LocalDate replyDate, LocalDate validUntil,
                                 String company, String handler, List<String> notes) {

    /** A supply line: from which substation and feeder, at what voltage, connected where, owned up to where. */
    public record Line(String substation, String line, BigDecimal voltageKv, String connectionPoint,
                       String propertyBoundary) {
    }

    /** How the energy is metered: the method (高供高计 …), where, and with what equipment. */
    public record Metering(String method, String location, String equipment) {
    }
}
