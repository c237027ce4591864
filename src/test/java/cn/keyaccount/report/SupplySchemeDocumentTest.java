package cn.keyaccount.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.energy.BasicChargeRules;
import cn.keyaccount.energy.EnergyConfig;
import cn.keyaccount.energy.TariffService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;

/** The 供电方案答复单 read back from its DOCX in both languages: all placeholders and keys filled, the figures the rules'. */
@QuarkusTest
class SupplySchemeDocumentTest {

    @Inject
    SupplySchemeDocument schemes;
    @Inject
    TariffService tariffs;
    @Inject
    EnergyConfig config;

    private SupplySchemeInputs inputs(BasicChargeMode mode) {
        return new SupplySchemeInputs("YK-2026-0012", "宁波海曙精密制造有限公司", null, "海曙区望春工业园 8 号",
                "新装", new BigDecimal("1250"), BigDecimal.TEN, SupplyMode.DUAL,
                List.of(new SupplySchemeInputs.Line("110kV 望春变", "10kV 望工线", BigDecimal.TEN, "望工线 12# 杆",
                                "客户进线电缆头"),
                        new SupplySchemeInputs.Line("110kV 集士港变", "10kV 集工线", BigDecimal.TEN, "集工线 3# 环网柜",
                                "环网柜出线开关")),
                new SupplySchemeInputs.Metering("高供高计", "客户配电房 10kV 进线柜", "0.2S 级多功能电能表，10/5A 互感器"),
                "大工业用电", config.defaultProvince(), config.defaultVoltageClass(), mode, new BigDecimal("800"),
                null, LocalDate.of(2026, 12, 7), LocalDate.of(2027, 12, 6), "国网某市供电公司", "王经理",
                List.of("功率因数应达到 0.90 以上，按容量的 30% 配置无功补偿。"));
    }

    private static String allText(XWPFDocument doc) {
        StringBuilder all = new StringBuilder(doc.getParagraphs().stream().map(XWPFParagraph::getText)
                .collect(Collectors.joining("\n")));
        for (XWPFTable t : doc.getTables()) {
            t.getRows().forEach(r -> r.getTableCells().forEach(c -> all.append('\n').append(c.getText())));
        }
        return all.toString();
    }

    @Test
    void the_reply_is_filled_in_both_languages_and_each_modes_yearly_basic_charge_is_the_rules_figure() throws Exception {
        SupplySchemeInputs in = inputs(BasicChargeMode.CAPACITY);
        BasicChargeRules.Comparison modes = schemes.basicCharges(in);
        BasicChargeRules.Prices prices = tariffs.resolver(in.province(), in.voltageClass())
                .apply(LocalDate.of(2026, 12, 1)).basicPrices();
        BigDecimal byCapacity = new BigDecimal("1250").multiply(prices.capacityYuanPerKva())
                .multiply(BigDecimal.valueOf(12));
        assertEquals(0, byCapacity.compareTo(modes.current().total()), "12 months × 1,250 kVA × capacity price");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(schemes.write(in, locale)))) {
                String text = allText(doc);
                assertFalse(text.contains("{{"), locale + ": a placeholder is left: " + text);
                assertFalse(text.contains("!report.") || text.contains("!energy.") || text.contains("!customer."),
                        locale + ": a key without translation: " + text);
                assertTrue(text.contains("宁波海曙精密制造有限公司") && text.contains("10kV 集工线")
                        && text.contains("高供高计"), locale + ": " + text);
                assertTrue(text.contains(locale == Locale.ENGLISH ? "Supply scheme reply" : "供电方案答复单"), text);
                XWPFTable table = doc.getTables().stream()
                        .filter(t -> t.getRow(0).getTableCells().size() == 5 && t.getRows().size()
                                == modes.options().size() + 1 && t.getRow(1).getCell(3).getText().equals("✓"))
                        .findFirst().orElseThrow(() -> new AssertionError(locale + ": no basic-charge table"));
                for (int i = 0; i < modes.options().size(); i++) {
                    BasicChargeRules.Option o = modes.options().get(i);
                    XWPFTableCell yearly = table.getRow(i + 1).getCell(2);
                    assertEquals(String.format(Locale.ROOT, "%,.2f", o.total()), yearly.getText(), locale + " " + i);
                    assertEquals(o == modes.cheapest() ? "✓" : "", table.getRow(i + 1).getCell(4).getText());
                }
            }
        }
    }

    @Test
    void a_single_part_tariff_has_no_basic_charge_and_bad_inputs_are_refused_naming_the_field() throws Exception {
        SupplySchemeInputs none = inputs(BasicChargeMode.NONE);
        assertNull(schemes.basicCharges(none));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(schemes.write(none, Locale.ENGLISH)))) {
            assertTrue(allText(doc).contains("Single-part tariff: no basic charge."));
        }
        SupplySchemeInputs in = inputs(BasicChargeMode.CONTRACT_DEMAND);
        SupplySchemeInputs bad = new SupplySchemeInputs(in.schemeNo(), in.customerName(), null, null, null,
                new BigDecimal("-5"), in.voltageKv(), in.supplyMode(), List.of(), null, null, in.province(),
                in.voltageClass(), in.proposedMode(), null, null, in.replyDate(), in.replyDate().minusDays(1), null,
                null, List.of());
        BusinessException e = assertThrows(BusinessException.class, () -> schemes.write(bad, Locale.ENGLISH));
        List<String> fields = e.fieldErrors().stream().map(BusinessException.FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("capacityKva", "expectedMaxDemandKw", "validUntil")), fields.toString());
    }
}
