package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationDetails;
import cn.keyaccount.application.ApplicationKind;
import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.TransformerDetails;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts an application. Other features link here pre-filled (the energy advice's "start an application"): query
 * parameters {@code customer} (id), {@code kind} (slug, e.g. {@code capacity-reduction}), {@code capacityKva},
 * {@code mode} (a basic-charge mode's name), {@code demandKw}, {@code transformer} (id). A parameter that does not
 * parse, or a customer or transformer out of the viewer's reach, is left out and named on the page.
 */
@Route("applications/new")
@PageTitle("application.new-title")
@RolesAllowed(Roles.ACCOUNT_STAFF)
class NewApplicationView extends VerticalLayout implements BeforeEnterObserver {

    private final ApplicationService applications;
    private final CustomerService customers;
    private final TransformerService transformers;
    private final Viewer viewer;
    final ApplicationForm form;
    final Paragraph ignored = new Paragraph();

    NewApplicationView(ApplicationService applications, CustomerService customers, TransformerService transformers,
                       CurrentViewer currentViewer) {
        this.applications = applications;
        this.customers = customers;
        this.transformers = transformers;
        this.viewer = currentViewer.get();
        form = new ApplicationForm((text, offset) -> customers.search(viewer, new CustomerSearch(text, null, null,
                        null, null, null), CustomerSearch.Order.DEFAULT, offset, 50).stream()
                .map(r -> new CustomerName(r.id(), r.accountNo(), r.name())).toList(),
                id -> transformers.list(viewer, id));
        form.addSaveListener(e -> {
            ApplicationDetails created = applications.create(viewer, e.draft());
            Notices.success(getTranslation("application.created", created.number()));
            getUI().ifPresent(ui -> ui.navigate("applications/" + created.id()));
        });
        ignored.setId("application-ignored-params");
        ignored.setVisible(false);
        add(new H2(getTranslation("application.new-title")), ignored, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        List<String> bad = new ArrayList<>();
        param(q, "customer").ifPresent(v -> {
            Long id = number(v);
            List<CustomerName> found = id == null ? List.of() : customers.namesOf(viewer, List.of(id));
            if (found.isEmpty()) {
                bad.add("customer");
            } else {
                form.customer.setValue(found.getFirst());
            }
        });
        param(q, "kind").ifPresent(v -> {
            ApplicationKind kind = ApplicationKind.fromSlug(v);
            if (kind == null) {
                bad.add("kind");
            } else {
                form.kind.setValue(kind);
            }
        });
        param(q, "capacityKva").ifPresent(v -> decimal(v).ifPresentOrElse(form.capacity::setValue,
                () -> bad.add("capacityKva")));
        param(q, "demandKw").ifPresent(v -> decimal(v).ifPresentOrElse(form.demand::setValue,
                () -> bad.add("demandKw")));
        param(q, "mode").ifPresent(v -> {
            try {
                form.mode.setValue(BasicChargeMode.valueOf(v.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) { // not an error: an unknown mode is named on the page
                bad.add("mode");
            }
        });
        param(q, "transformer").ifPresent(v -> {
            Long id = number(v);
            Optional<TransformerDetails> t = form.customer.getValue() == null || id == null ? Optional.empty()
                    : transformers.list(viewer, form.customer.getValue().id()).stream()
                    .filter(x -> x.id() == id).findFirst();
            t.ifPresentOrElse(form.transformer::setValue, () -> bad.add("transformer"));
        });
        param(q, "from").ifPresent(v -> date(v).ifPresentOrElse(form.periodFrom::setValue, () -> bad.add("from")));
        param(q, "to").ifPresent(v -> date(v).ifPresentOrElse(form.periodTo::setValue, () -> bad.add("to")));
        ignored.setVisible(!bad.isEmpty());
        ignored.setText(bad.stream().map(p -> getTranslation("application.unknown-param", p))
                .reduce((a, b) -> a + "；" + b).orElse(""));
    }

    private static Optional<String> param(QueryParameters q, String name) {
        return q.getSingleParameter(name).filter(v -> !v.isBlank());
    }

    /** A day as ISO {@code 2025-04-01}, strictly (no lenient rollover of 2025-02-30). */
    private static Optional<java.time.LocalDate> date(String v) {
        try {
            return Optional.of(java.time.LocalDate.parse(v.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Long number(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<BigDecimal> decimal(String v) {
        try {
            BigDecimal d = new BigDecimal(v.strip());
            return d.signum() > 0 ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
