package cn.keyaccount.opportunity.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.opportunity.OpportunityDetails;
import cn.keyaccount.opportunity.OpportunityFilter;
import cn.keyaccount.opportunity.OpportunityQueries;
import cn.keyaccount.opportunity.OpportunityService;
import cn.keyaccount.portrait.PortraitDetails;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.TagCategory;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer's opportunities: its "needs and potential" tags with their reasons, each with a button to open an
 * opportunity (when none is open for it and the viewer may change the customer), and its opportunities, each opened
 * in a dialog to work it. Built when first shown.
 */
class CustomerOpportunitiesPanel extends VerticalLayout {

    private final OpportunityService opportunities;
    private final OpportunityQueries queries;
    private final PortraitService portraits;
    private final Viewer viewer;
    private final long customerId;
    private final boolean editable;
    final Div needs = new Div();
    final Grid<OpportunityDetails> grid = new Grid<>();
    OpportunityDialog dialog;

    CustomerOpportunitiesPanel(OpportunityService opportunities, OpportunityQueries queries, PortraitService portraits,
                               Viewer viewer, long customerId, boolean editable) {
        this.opportunities = opportunities;
        this.queries = queries;
        this.portraits = portraits;
        this.viewer = viewer;
        this.customerId = customerId;
        this.editable = editable;
        setPadding(false);
        grid.addColumn(OpportunityLabels::tag).setHeader(getTranslation("opportunity.tag")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("opportunity.stage." + o.stage().name()))
                .setHeader(getTranslation("opportunity.stage")).setAutoWidth(true);
        grid.addColumn(o -> OpportunityLabels.money(o.expectedValue()))
                .setHeader(getTranslation("opportunity.expectedValue")).setAutoWidth(true);
        grid.addColumn(o -> o.nextStep() == null ? "–" : o.nextStep() + (o.nextStepDate() == null ? ""
                : " · " + o.nextStepDate())).setHeader(getTranslation("opportunity.nextStep")).setFlexGrow(2);
        grid.addComponentColumn(OpportunityLabels::links).setHeader(getTranslation("opportunity.links"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> {
            dialog = new OpportunityDialog(opportunities, viewer, e.getItem(), this::refresh);
            dialog.open();
        });
        add(new H3(getTranslation("opportunity.needs.title")), needs, new H3(getTranslation("opportunity.menu")),
                grid);
        addAttachListener(e -> {
            if (needs.getComponentCount() == 0) {
                refresh();
            }
        });
    }

    void refresh() {
        List<OpportunityDetails> mine = queries.page(viewer, new OpportunityFilter(null, null, null, customerId,
                null, false), 0, 200);
        grid.setItems(mine);
        Set<String> open = mine.stream().filter(o -> !o.stage().isClosed()).map(OpportunityDetails::tagCode)
                .collect(Collectors.toSet());
        needs.removeAll();
        boolean english = Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage());
        List<PortraitDetails.TagDetails> tags = portraits.portrait(viewer, customerId).tags().stream()
                .filter(t -> t.category() == TagCategory.NEED).toList();
        for (PortraitDetails.TagDetails t : tags) {
            Span badge = new Span(english ? t.labelEn() : t.labelZh());
            badge.getElement().getThemeList().add("badge success");
            Div line = new Div(badge, new Span(" " + (english ? t.reasonEn() : t.reasonZh()) + " "));
            if (editable && !open.contains(t.code())) {
                Button create = new Button(getTranslation("opportunity.create"), e -> {
                    opportunities.create(viewer, customerId, t.code());
                    Notices.success(getTranslation("opportunity.created"));
                    refresh();
                });
                create.addClassName("opportunity-create");
                line.add(create);
            }
            needs.add(line);
        }
        if (tags.isEmpty()) {
            needs.add(new Span(getTranslation("opportunity.needs.none")));
        }
    }
}
