package cn.keyaccount.notice.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.time.Clock;
import java.util.Set;

/** The notice centre's composer in a dialog, opened from the customer card with that customer already chosen. */
class CustomerNoticeDialog extends Dialog {

    final NoticeComposer composer;

    CustomerNoticeDialog(Clock clock, NoticeService notices, CustomerService customers, Viewer viewer,
                         CustomerRow customer, Runnable sent) {
        setId("customer-notice-dialog");
        setHeaderTitle(getTranslation("notice.card.send-to", customer.name()));
        setWidth("min(48rem, 100vw)");
        composer = new NoticeComposer(clock, notices.templateKeys(), k -> notices.templateName(k, "zh"),
                notices::templateParameters, (t, v) -> notices.preview(t, "zh", v),
                q -> customers.search(viewer, CustomerSearch.text(q.getFilter().orElse("")),
                        CustomerSearch.Order.DEFAULT, q.getOffset(), q.getLimit()).stream());
        composer.customers.setValue(Set.of(customer));
        composer.setPadding(false);
        composer.addScheduleListener(e -> {
            NoticeSummary created = notices.compose(viewer, e.request());
            Notices.success(getTranslation("notice.scheduled", created.total(), created.skipped()));
            close();
            sent.run();
        });
        add(composer);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()));
    }
}
