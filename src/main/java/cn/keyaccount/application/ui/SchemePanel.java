package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationSchemes;
import cn.keyaccount.base.Money;
import cn.keyaccount.energy.BasicChargeRules;
import cn.keyaccount.report.SupplySchemeInputs;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * The 供电方案答复 of an application on its page (staff) and in the portal (the customer): capacity, voltage, supply
 * mode and metering, the yearly basic charge of each mode as the document prices it, and the document to download.
 */
class SchemePanel extends VerticalLayout {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    final Paragraph summary = new Paragraph();
    final Grid<BasicChargeRules.Option> modes = new Grid<>();
    final Anchor download;

    SchemePanel(ApplicationSchemes schemes, Viewer viewer, long applicationId) {
        setPadding(false);
        SupplySchemeInputs in = schemes.inputs(viewer, applicationId, getLocale());
        summary.setText(getTranslation("application.scheme.summary", Money.grouped(in.capacityKva()),
                in.voltageKv() == null ? "—" : in.voltageKv().stripTrailingZeros().toPlainString(),
                getTranslation("customer.supply-mode." + in.supplyMode()), in.metering().method()));
        summary.setId("application-scheme-summary");
        add(summary);
        BasicChargeRules.Comparison comparison = schemes.basicCharges(in);
        if (comparison == null) {
            add(new Paragraph(getTranslation("application.scheme.single-part")));
        } else {
            modes.setId("application-scheme-modes");
            modes.addColumn(o -> getTranslation(o.nameKey(), o.nameArgs().toArray()))
                    .setHeader(getTranslation("application.scheme.mode")).setAutoWidth(true);
            modes.addColumn(o -> Money.yuan(o.total())).setHeader(getTranslation("application.scheme.yearly"))
                    .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
            modes.addColumn(o -> o.current() ? "✓" : "").setHeader(getTranslation("application.scheme.proposed"))
                    .setAutoWidth(true);
            modes.setItems(comparison.options());
            modes.setAllRowsVisible(true);
            add(modes);
            in.notes().forEach(n -> add(new Paragraph(n)));
        }
        DownloadHandler docx = event -> {
            ApplicationSchemes.SchemeFile file = schemes.write(viewer, applicationId, getLocale());
            event.setFileName(file.fileName());
            event.setContentType(DOCX);
            event.getOutputStream().write(file.content());
        };
        download = new Anchor(docx, "");
        download.add(new Button(getTranslation("application.scheme.download"), VaadinIcon.FILE_TEXT.create()));
        download.setId("application-scheme-docx");
        add(download);
    }
}
