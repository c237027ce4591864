package cn.keyaccount.report;

import cn.keyaccount.base.Money;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.CustomerValidator;
import cn.keyaccount.energy.BasicChargeRules;
import cn.keyaccount.energy.TariffService;
import cn.keyaccount.energy.TouTariff;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The 供电方案答复单 as a Word document, filled into reports/templates/supply-scheme.docx (restylable, see
 * reports/README.md): the head's {{placeholders}} are replaced and the sections go where {{content}} stands. The
 * basic charge of each mode is priced by the energy rules ({@link BasicChargeRules}) over the twelve months from the
 * reply's month at the customer's tariff. Who may produce the document is decided by the caller (the application
 * pipeline); this class checks its inputs only.
 */
@ApplicationScoped
public class SupplySchemeDocument {

    static final String TEMPLATE = "supply-scheme.docx";
    static final String HEADING = "Heading1";
    static final String TABLE = "SchemeTable";
    static final String TABLE_HEADER = "TableHeader";

    private final ReportTemplates templates;
    private final TariffService tariffs;

    SupplySchemeDocument(ReportTemplates templates, TariffService tariffs) {
        this.templates = templates;
        this.tariffs = tariffs;
    }

    /**
     * The ways of billing the basic charge over the twelve months from the reply's month, with the expected maximum
     * demand in each: the proposed mode first, the others with their own inputs, the cheapest marked; null when the
     * proposed mode is NONE (single-part tariff).
     */
    public BasicChargeRules.Comparison basicCharges(SupplySchemeInputs in) {
        validate(in);
        if (in.proposedMode() == BasicChargeMode.NONE) {
            return null;
        }
        Function<LocalDate, TouTariff> tariff = tariffs.resolver(in.province(), in.voltageClass());
        List<BasicChargeRules.Month> months = new ArrayList<>();
        YearMonth first = YearMonth.from(in.replyDate());
        for (int i = 0; i < 12; i++) {
            YearMonth m = first.plusMonths(i);
            months.add(BasicChargeRules.Month.whole(m, in.expectedMaxDemandKw(),
                    tariff.apply(m.atDay(1)).basicPrices()));
        }
        BigDecimal declared = in.declaredDemandKw() != null ? in.declaredDemandKw()
                : in.proposedMode() == BasicChargeMode.CONTRACT_DEMAND
                ? BasicChargeRules.bestDeclaredDemand(months, in.capacityKva()) : null;
        return BasicChargeRules.compare(months, in.capacityKva(), in.proposedMode(), declared);
    }

    /** The document as DOCX bytes in the language asked for. */
    public byte[] write(SupplySchemeInputs in, Locale locale) {
        BasicChargeRules.Comparison modes = basicCharges(in);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(templates.read(TEMPLATE)));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new Filler(doc, in, modes, locale).fill();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name for the download, e.g. {@code 供电方案答复单-YK2026-0012.docx}. */
    public static String fileName(SupplySchemeInputs in) {
        return "供电方案答复单-" + in.schemeNo().replaceAll("[^\\p{L}\\p{N}._-]", "_") + ".docx";
    }

    private static void validate(SupplySchemeInputs in) {
        Validation v = new Validation().notBlank(in.schemeNo(), "schemeNo").maxLength(in.schemeNo(), 40, "schemeNo")
                .notBlank(in.customerName(), "customerName")
                .require(in.capacityKva() != null, "capacityKva", "error.required")
                .range(in.capacityKva(), CustomerValidator.MIN_CAPACITY_KVA, CustomerValidator.MAX_CAPACITY_KVA,
                        "capacityKva")
                .require(in.voltageKv() != null && in.voltageKv().signum() > 0, "voltageKv", "error.positive")
                .require(in.supplyMode() != null, "supplyMode", "error.required")
                .require(in.proposedMode() != null, "proposedMode", "error.required")
                .require(in.replyDate() != null, "replyDate", "error.required")
                .require(in.validUntil() == null || in.replyDate() == null || !in.validUntil().isBefore(in.replyDate()),
                        "validUntil", "report.scheme.error.valid-before-reply");
        if (in.proposedMode() != null && in.proposedMode() != BasicChargeMode.NONE) {
            v.notBlank(in.province(), "province").notBlank(in.voltageClass(), "voltageClass")
                    .require(in.expectedMaxDemandKw() != null, "expectedMaxDemandKw", "error.required")
                    .range(in.expectedMaxDemandKw(), "0", CustomerValidator.MAX_CAPACITY_KVA, "expectedMaxDemandKw")
                    .range(in.declaredDemandKw(), "0.1", CustomerValidator.MAX_CAPACITY_KVA, "declaredDemandKw");
        }
        v.throwIfInvalid();
    }

    /** The sections, written with the shared {@link DocumentParts} in the template's styles. */
    private static final class Filler extends DocumentParts {
        private static final Styles STYLES = new Styles(HEADING, TABLE, TABLE_HEADER, null); // no figures, no captions
        private final SupplySchemeInputs in;
        private final BasicChargeRules.Comparison modes;

        Filler(XWPFDocument doc, SupplySchemeInputs in, BasicChargeRules.Comparison modes, Locale locale) {
            super(doc, locale, STYLES);
            this.in = in;
            this.modes = modes;
        }

        void fill() {
            placeholders(Map.of(
                    "title", t("report.scheme.title"),
                    "customer", in.customerName(),
                    "schemeLine", t("report.scheme.number", in.schemeNo()),
                    "dateLine", t("report.scheme.reply-date", in.replyDate().toString()),
                    "signature", t("report.scheme.signature", text(in.company()), text(in.handler()),
                            in.replyDate().toString())), p -> false, TEMPLATE);
            sections();
            removeAnchor();
        }

        private void sections() {
            heading("report.scheme.customer");
            table(List.of(t("report.scheme.item"), t("report.scheme.value")), List.of(
                    List.of(t("report.scheme.customer-name"), in.customerName()),
                    List.of(t("report.scheme.account-no"), in.accountNo() == null ? t("report.scheme.new-account")
                            : in.accountNo()),
                    List.of(t("report.scheme.address"), text(in.address())),
                    List.of(t("report.scheme.kind"), text(in.applicationKind()))));

            heading("report.scheme.capacity");
            table(List.of(t("report.scheme.item"), t("report.scheme.value")), List.of(
                    List.of(t("report.scheme.capacity-kva"), kva(in.capacityKva())),
                    List.of(t("report.scheme.voltage"), plain(in.voltageKv().stripTrailingZeros()) + " kV"),
                    List.of(t("report.scheme.supply-mode"), t("customer.supply-mode." + in.supplyMode().name()))));

            heading("report.scheme.lines");
            table(List.of(t("report.scheme.substation"), t("report.scheme.line"), t("report.scheme.voltage"),
                    t("report.scheme.connection"), t("report.scheme.boundary")), lines());

            heading("report.scheme.metering");
            SupplySchemeInputs.Metering m = in.metering();
            table(List.of(t("report.scheme.item"), t("report.scheme.value")), m == null ? List.of() : List.of(
                    List.of(t("report.scheme.metering-method"), text(m.method())),
                    List.of(t("report.scheme.metering-location"), text(m.location())),
                    List.of(t("report.scheme.metering-equipment"), text(m.equipment()))));

            heading("report.scheme.tariff");
            paragraph(t("report.scheme.tariff-category", text(in.tariffCategory())));
            basicCharge();

            heading("report.scheme.other");
            for (String note : in.notes() == null ? List.<String>of() : in.notes()) {
                paragraph(note);
            }
            if (in.validUntil() != null) {
                paragraph(t("report.scheme.valid-until", in.validUntil().toString()));
            }
        }

        private List<List<String>> lines() {
            return (in.supplyLines() == null ? List.<SupplySchemeInputs.Line>of() : in.supplyLines()).stream()
                    .map(l -> List.of(text(l.substation()), text(l.line()),
                            l.voltageKv() == null ? "" : plain(l.voltageKv().stripTrailingZeros()) + " kV",
                            text(l.connectionPoint()), text(l.propertyBoundary()))).toList();
        }

        private void basicCharge() {
            if (modes == null) {
                paragraph(t("report.scheme.no-basic-charge"));
                return;
            }
            paragraph(t("report.scheme.basic-intro", plain(in.expectedMaxDemandKw().stripTrailingZeros()),
                    modes.months().getFirst().month().toString(), modes.months().getLast().month().toString()));
            table(List.of(t("report.mode"), t("report.inputs"), t("report.scheme.yearly-basic-charge"),
                    t("report.scheme.proposed"), t("report.cheapest-mode")), modes.options().stream()
                    .map(o -> List.of(t(o.nameKey(), o.nameArgs().toArray()), t(o.inputsKey(),
                            o.inputsArgs().toArray()), Money.yuan(o.total()), o.current() ? "✓" : "",
                            o == modes.cheapest() ? "✓" : "")).toList());
            paragraph(t("report.scheme.basic-rule"));
        }

        private static String text(String s) {
            return s == null ? "" : s;
        }
    }
}
