package cn.keyaccount.opportunity.ui;

import cn.keyaccount.opportunity.OpportunityDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.Locale;

/** How opportunities read on screen: money with two decimals and thousands separators, the tag, the links. */
final class OpportunityLabels {

    private OpportunityLabels() {
    }

    static String money(BigDecimal value) {
        return value == null ? "–" : "¥" + new DecimalFormat("#,##0.00").format(value);
    }

    static String tag(OpportunityDetails o) {
        return Locale.ENGLISH.getLanguage().equals(UI.getCurrent().getLocale().getLanguage()) ? o.tagEn() : o.tagZh();
    }

    /** The visit, application and report it led to, as links to their pages. */
    static Component links(OpportunityDetails o) {
        HorizontalLayout links = new HorizontalLayout();
        links.setSpacing(true);
        UI ui = UI.getCurrent();
        if (o.visitId() != null) {
            links.add(new Anchor("customers/" + o.customerId(), ui.getTranslation("opportunity.link.visit",
                    o.visitId())));
        }
        if (o.applicationId() != null) {
            links.add(new Anchor("applications/" + o.applicationId(), ui.getTranslation("opportunity.link.application",
                    o.applicationId())));
        }
        if (o.reportId() != null) {
            links.add(new Anchor("customers/" + o.customerId(), ui.getTranslation("opportunity.link.report",
                    o.reportId())));
        }
        if (links.getComponentCount() == 0) {
            links.add(new Span("–"));
        }
        return links;
    }
}
