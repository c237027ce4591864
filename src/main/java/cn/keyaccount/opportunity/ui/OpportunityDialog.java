package cn.keyaccount.opportunity.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.opportunity.OpportunityDetails;
import cn.keyaccount.opportunity.OpportunityService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.dialog.Dialog;

/** One opportunity worked in a dialog: its form saves or reopens through the service, then the caller refreshes. */
class OpportunityDialog extends Dialog {

    final OpportunityForm form = new OpportunityForm();

    OpportunityDialog(OpportunityService opportunities, Viewer viewer, OpportunityDetails o, Runnable changed) {
        setHeaderTitle(o.customerName() + " · " + OpportunityLabels.tag(o));
        form.edit(o);
        form.addSaveListener(e -> {
            form.edit(opportunities.update(viewer, o.id(), e.draft));
            Notices.success(getTranslation("common.saved"));
            changed.run();
        });
        form.addReopenListener(e -> {
            form.edit(opportunities.reopen(viewer, o.id(), e.version));
            changed.run();
        });
        add(form);
        setWidth("min(48em, 95vw)");
    }
}
