package cn.keyaccount.energy.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.energy.TariffService;
import cn.keyaccount.energy.TariffDetails;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/**
 * Time-of-use tariff versions (administrators): filter by province, voltage class and the date range they are in
 * force, see each version's seasons and bands, and add a new version (from a copy of the selected one).
 */
@Route("energy/tariffs")
@PageTitle("energy.menu.tariffs")
@Menu(title = "energy.menu.tariffs", order = 86, icon = "vaadin:money")
@RolesAllowed(Role.ADMIN_NAME)
class TariffAdminView extends VerticalLayout {

    private final TariffService tariffs;
    private final Viewer viewer;
    final ComboBox<String> province = new ComboBox<>();
    final ComboBox<String> voltageClass = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<TariffDetails> grid = new Grid<>();
    final TariffForm form = new TariffForm();
    final Dialog dialog = new Dialog(form);

    TariffAdminView(TariffService tariffs, CurrentViewer currentViewer) {
        this.tariffs = tariffs;
        this.viewer = currentViewer.get();
        province.setLabel(getTranslation("energy.tariff.province"));
        province.setItems(tariffs.provinces());
        province.setClearButtonVisible(true);
        voltageClass.setLabel(getTranslation("energy.tariff.voltageClass"));
        voltageClass.setItems(tariffs.voltageClasses());
        voltageClass.setClearButtonVisible(true);
        from.setLabel(getTranslation("energy.from"));
        to.setLabel(getTranslation("energy.to"));
        province.addValueChangeListener(e -> refresh());
        voltageClass.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("energy.tariff.new"), VaadinIcon.PLUS.create(), e -> {
            form.edit(grid.asSingleSelect().getValue());
            dialog.open();
        });
        create.setId("tariff-new");
        HorizontalLayout bar = new HorizontalLayout(province, voltageClass, from, to, create);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        grid.addColumn(TariffDetails::province).setHeader(getTranslation("energy.tariff.province"));
        grid.addColumn(TariffDetails::voltageClass).setHeader(getTranslation("energy.tariff.voltageClass"));
        grid.addColumn(TariffDetails::validFrom).setHeader(getTranslation("energy.tariff.validFrom"));
        grid.addColumn(t -> t.validTo() == null ? "—" : t.validTo().toString())
                .setHeader(getTranslation("energy.tariff.validTo"));
        grid.addColumn(TariffDetails::name).setHeader(getTranslation("energy.tariff.name")).setFlexGrow(2);
        grid.addColumn(t -> t.criticalPeak() + " / " + t.peak() + " / " + t.flat() + " / " + t.valley()
                + (t.deepValley() == null ? "" : " / " + t.deepValley())).setHeader(getTranslation("energy.tariff.prices"))
                .setFlexGrow(2);
        grid.addColumn(t -> t.capacityPrice() + " / " + t.demandPrice())
                .setHeader(getTranslation("energy.tariff.basic-prices"));
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(t -> t.seasons().stream()
                .map(s -> getTranslation("energy.tariff.season-line", s.name(), s.months(),
                        TariffTexts.shown(s.bands(), this::getTranslation))).collect(Collectors.joining("\n"))));
        grid.setWidthFull();
        form.addSaveListener(e -> save(e.draft()));
        form.addCancelListener(e -> dialog.close());
        dialog.setHeaderTitle(getTranslation("energy.tariff.new"));
        dialog.setWidth("min(1000px, 95vw)");
        add(bar, grid);
        setSizeFull();
        refresh();
    }

    void refresh() {
        grid.setItems(tariffs.search(province.getValue(), voltageClass.getValue(), from.getValue(), to.getValue()));
    }

    void save(TariffDetails draft) {
        TariffDetails created = tariffs.create(viewer, draft);
        dialog.close();
        refresh();
        Notices.success(getTranslation("energy.tariff.created", created.name(), created.validFrom()));
    }
}
