package cn.keyaccount.application;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.BasicChargeRules;
import cn.keyaccount.energy.EnergyProfile;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.report.SupplySchemeDocument;
import cn.keyaccount.report.SupplySchemeInputs;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 供电方案答复单 of an application, filled from it and the customer record: the capacity applied for (else the
 * contract capacity), the customer's voltage, supply mode and supply lines, the metering method its voltage and
 * capacity call for, the tariff category, and the basic-charge modes priced by the energy rules at the customer's
 * tariff over the twelve months from the reply ({@link SupplySchemeDocument}). Offered once the application has
 * reached its 供电方案答复 step (kinds without one have no scheme); who may see the application may have it.
 * <p>
 * Metering: 高压供电的客户在高压侧计量，10 kV 供电且容量在 315 kVA 及以下的可在低压侧计量; validity of the
 * scheme: 高压一年、低压三个月 — both as the 1996 《供电营业规则》 put them (第七十四条, 第二十条); the article numbers
 * of the 2024 text (国家发展改革委令 2024年第14号) could not be checked here (docs/applications.md).
 */
@ApplicationScoped
@Transactional
public class ApplicationSchemes {

    /** The highest capacity that a 10 kV customer may still meter on the low-voltage side (高供低计). */
    static final BigDecimal LOW_SIDE_METERING_MAX_KVA = new BigDecimal("315");
    /**
     * The share of the capacity taken as the expected maximum demand when the application states no demand and the
     * customer declared none: a stated assumption (the document says so), not a rule.
     */
    static final BigDecimal ASSUMED_DEMAND_FACTOR = new BigDecimal("0.6");

    private final ApplicationAccess access;
    private final CustomerService customers;
    private final EnergyService energy;
    private final SupplySchemeDocument document;
    private final Clock clock;

    ApplicationSchemes(ApplicationAccess access, CustomerService customers, EnergyService energy,
                       SupplySchemeDocument document, Clock clock) {
        this.access = access;
        this.customers = customers;
        this.energy = energy;
        this.document = document;
        this.clock = clock;
    }

    /** Whether the application has a scheme reply: its kind has the step and the step has started. */
    public static boolean offered(ApplicationDetails a) {
        return a.steps().stream().anyMatch(s -> s.step() == ApplicationStep.SCHEME_REPLY && s.startedOn() != null);
    }

    /** The scheme as the document shows it, in the language asked for; 404 out of sight, 409 before the step. */
    public SupplySchemeInputs inputs(Viewer viewer, long id, Locale locale) {
        Application a = access.visible(viewer, id);
        StepEntry step = a.getSteps().stream().filter(s -> s.step() == ApplicationStep.SCHEME_REPLY).findFirst()
                .orElse(null);
        if (step == null || step.startedOn() == null) {
            throw BusinessException.conflict("error.application-no-scheme", a.getNumber());
        }
        CustomerDetails c = customers.get(viewer, a.getCustomer().getId());
        EnergyProfile profile = energy.profile(viewer, c.id());
        boolean priced = profile.province() != null && profile.voltageClass() != null;
        BigDecimal capacity = a.getCapacityKva() != null ? a.getCapacityKva() : c.contractCapacityKva();
        BasicChargeMode mode = !priced ? BasicChargeMode.NONE : a.getBasicChargeMode() != null
                ? a.getBasicChargeMode() : c.basicChargeMode() != null ? c.basicChargeMode() : BasicChargeMode.CAPACITY;
        BigDecimal declared = a.getDemandKw() != null ? a.getDemandKw() : profile.declaredKw();
        List<String> notes = new ArrayList<>();
        BigDecimal expected = declared;
        if (expected == null && capacity != null) {
            expected = capacity.multiply(ASSUMED_DEMAND_FACTOR).setScale(0, RoundingMode.HALF_UP);
            if (mode != BasicChargeMode.NONE) {
                notes.add(Messages.get(locale, "application.scheme.assumed-demand", plain(expected)));
            }
        }
        LocalDate reply = step.completedOn() != null ? step.completedOn() : LocalDate.now(clock);
        LocalDate validUntil = a.getVoltageClass() == VoltageClass.HIGH ? reply.plusYears(1) : reply.plusMonths(3);
        List<SupplySchemeInputs.Line> lines = c.lines().stream().map(l -> line(l, locale)).toList();
        return new SupplySchemeInputs(a.getNumber(), c.name(),
                a.getKind() == ApplicationKind.NEW_CONNECTION ? null : c.accountNo(),
                a.getAddress().isBlank() ? c.address() : a.getAddress(),
                Messages.get(locale, "application.kind." + a.getKind()), capacity, c.voltageKv(), a.getSupplyMode(),
                lines, metering(a.getVoltageClass(), c.voltageKv(), capacity, locale), c.tariffCategory(),
                profile.province(), profile.voltageClass(), mode, expected,
                mode == BasicChargeMode.CONTRACT_DEMAND ? declared : null, reply, validUntil, c.unitName(),
                a.getHandler() == null ? "" : a.getHandler().getDisplayName(), notes);
    }

    /** The yearly basic charge of each mode, as the document prices it; null for a single-part tariff. */
    public BasicChargeRules.Comparison basicCharges(SupplySchemeInputs in) {
        return document.basicCharges(in);
    }

    /** The document: its file name and its DOCX bytes. */
    public record SchemeFile(String fileName, byte[] content) {
    }

    public SchemeFile write(Viewer viewer, long id, Locale locale) {
        SupplySchemeInputs in = inputs(viewer, id, locale);
        return new SchemeFile(SupplySchemeDocument.fileName(in), document.write(in, locale));
    }

    private static SupplySchemeInputs.Line line(LineDetails l, Locale locale) {
        return new SupplySchemeInputs.Line(l.substationName(), l.code() + " " + l.name(), l.voltageKv(),
                Messages.get(locale, "application.scheme.connection-point", l.name()),
                Messages.get(locale, "application.scheme.boundary"));
    }

    static SupplySchemeInputs.Metering metering(VoltageClass voltage, BigDecimal kv, BigDecimal capacityKva,
                                                Locale locale) {
        String method;
        if (voltage == VoltageClass.LOW) {
            method = "low-low";
        } else if (kv != null && kv.compareTo(BigDecimal.TEN) <= 0 && capacityKva != null
                && capacityKva.compareTo(LOW_SIDE_METERING_MAX_KVA) <= 0) {
            method = "high-low";
        } else {
            method = "high-high";
        }
        String p = "application.scheme.metering." + method;
        return new SupplySchemeInputs.Metering(Messages.get(locale, p), Messages.get(locale, p + ".location"),
                Messages.get(locale, p + ".equipment"));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
