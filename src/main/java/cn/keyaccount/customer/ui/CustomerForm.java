package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerValidator;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.org.UnitDetails;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The profile of a key customer. Units and the line picker's search are handed in by the view. */
class CustomerForm extends EditorForm<CustomerDraft> {

    /** Lines the line picker offers for a search text. */
    interface LineSearch {
        List<LineDetails> search(String text, int limit);
    }

    private final Map<Long, LineDetails> knownLines = new HashMap<>();
    private final Map<Long, UnitDetails> units = new HashMap<>();

    CustomerForm(List<UnitDetails> unitChoices, LineSearch lineSearch) {
        super(CustomerDraft.class);
        unitChoices.forEach(u -> units.put(u.id(), u));
        text("accountNo", "customer.account-no", CustomerDraft::getAccountNo, CustomerDraft::setAccountNo);
        text("name", "customer.name", CustomerDraft::getName, CustomerDraft::setName);
        text("creditCode", "customer.credit-code", CustomerDraft::getCreditCode, CustomerDraft::setCreditCode);
        text("industryCode", "customer.industry-code", CustomerDraft::getIndustryCode,
                CustomerDraft::setIndustryCode);
        text("industryName", "customer.industry", CustomerDraft::getIndustryName, CustomerDraft::setIndustryName);
        text("address", "customer.address", CustomerDraft::getAddress, CustomerDraft::setAddress);
        text("district", "customer.district", CustomerDraft::getDistrict, CustomerDraft::setDistrict);

        ComboBox<UnitDetails> unit = field("unitId", new ComboBox<>(getTranslation("customer.unit"), unitChoices));
        unit.setItemLabelGenerator(u -> u.displayName(getLocale()));
        binder.forField(unit).bind(d -> d.getUnitId() == null ? null : units.get(d.getUnitId()),
                (d, u) -> d.setUnitId(u == null ? null : u.id()));

        choice("voltageKv", "customer.voltage", CustomerValidator.VOLTAGES, CustomerDraft::getVoltageKv,
                CustomerDraft::setVoltageKv);
        number("contractCapacityKva", "customer.contract-capacity", CustomerDraft::getContractCapacityKva,
                CustomerDraft::setContractCapacityKva);
        number("operatingCapacityKva", "customer.operating-capacity", CustomerDraft::getOperatingCapacityKva,
                CustomerDraft::setOperatingCapacityKva);
        enumChoice("supplyMode", "customer.supply-mode", SupplyMode.values(), CustomerDraft::getSupplyMode,
                CustomerDraft::setSupplyMode);
        enumChoice("importance", "customer.importance", Importance.values(), CustomerDraft::getImportance,
                CustomerDraft::setImportance);
        text("tariffCategory", "customer.tariff-category", CustomerDraft::getTariffCategory,
                CustomerDraft::setTariffCategory);
        enumChoice("basicChargeMode", "customer.basic-charge-mode", BasicChargeMode.values(),
                CustomerDraft::getBasicChargeMode, CustomerDraft::setBasicChargeMode);
        choice("powerFactorStandard", "customer.power-factor-standard", CustomerValidator.POWER_FACTOR_STANDARDS,
                CustomerDraft::getPowerFactorStandard, CustomerDraft::setPowerFactorStandard);
        ComboBox<String> credit = field("creditRating",
                new ComboBox<>(getTranslation("customer.credit-rating"), CustomerValidator.CREDIT_RATINGS));
        binder.forField(credit).bind(CustomerDraft::getCreditRating, CustomerDraft::setCreditRating);
        number("annualKwh", "customer.annual-kwh", CustomerDraft::getAnnualKwh, CustomerDraft::setAnnualKwh);
        number("annualRevenueYuan", "customer.annual-revenue", CustomerDraft::getAnnualRevenueYuan,
                CustomerDraft::setAnnualRevenueYuan);
        number("growthRate", "customer.growth-rate", CustomerDraft::getGrowthRate, CustomerDraft::setGrowthRate);

        MultiSelectComboBox<LineDetails> lines = field("lineIds",
                new MultiSelectComboBox<>(getTranslation("customer.lines")));
        lines.setItemLabelGenerator(LineDetails::label);
        lines.setItems(query -> lineSearch.search(query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                .stream().skip(query.getOffset()).peek(l -> knownLines.put(l.id(), l)));
        binder.forField(lines).bind(d -> linesOf(d.getLineIds()), (d, v) -> d.setLineIds(ids(v)));
        fields.setColspan(lines, 2);
    }

    /** Shows a customer; {@code currentLines} are its supply lines, so the picker can show them before any search. */
    void edit(CustomerDraft draft, Collection<LineDetails> currentLines, boolean editable) {
        currentLines.forEach(l -> knownLines.put(l.id(), l));
        edit(draft, editable);
        fieldFor("accountNo").setReadOnly(!editable || draft.getVersion() != null);
    }

    private Set<LineDetails> linesOf(List<Long> ids) {
        Set<LineDetails> result = new LinkedHashSet<>();
        if (ids != null) {
            ids.stream().map(knownLines::get).filter(java.util.Objects::nonNull).forEach(result::add);
        }
        return result;
    }

    private static List<Long> ids(Set<LineDetails> lines) {
        return lines.stream().map(LineDetails::id).toList();
    }

    private void text(String name, String labelKey, Function<CustomerDraft, String> getter,
                      com.vaadin.flow.data.binder.Setter<CustomerDraft, String> setter) {
        binder.forField(field(name, new TextField(getTranslation(labelKey))))
                .withNullRepresentation("").bind(getter::apply, setter);
    }

    private void number(String name, String labelKey, Function<CustomerDraft, BigDecimal> getter,
                        com.vaadin.flow.data.binder.Setter<CustomerDraft, BigDecimal> setter) {
        binder.forField(field(name, new BigDecimalField(getTranslation(labelKey)))).bind(getter::apply, setter);
    }

    /** A choice among numbers; the stored value is matched by magnitude, since 10.0 and 10 are one voltage. */
    private void choice(String name, String labelKey, List<BigDecimal> values,
                        Function<CustomerDraft, BigDecimal> getter,
                        com.vaadin.flow.data.binder.Setter<CustomerDraft, BigDecimal> setter) {
        ComboBox<BigDecimal> box = field(name, new ComboBox<>(getTranslation(labelKey), values));
        box.setItemLabelGenerator(BigDecimal::toPlainString);
        binder.forField(box).bind(d -> values.stream()
                .filter(v -> getter.apply(d) != null && v.compareTo(getter.apply(d)) == 0)
                .findFirst().orElse(null), setter);
    }

    private <E extends Enum<E>> void enumChoice(String name, String labelKey, E[] values,
                                                Function<CustomerDraft, E> getter,
                                                com.vaadin.flow.data.binder.Setter<CustomerDraft, E> setter) {
        ComboBox<E> box = field(name, new ComboBox<>(getTranslation(labelKey), values));
        box.setItemLabelGenerator(e -> getTranslation(CustomerLabels.key(e)));
        binder.forField(box).bind(getter::apply, setter);
    }
}
