package cn.keyaccount.workbench.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.workbench.SectionSummary;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * 工作台: every user's home page. The sections are what the features contribute for the viewer
 * ({@link WorkbenchSection}), in their order, each a card; a viewer without any (the administrator) gets the pages
 * their menu offers as links.
 */
@Route("")
@PageTitle("workbench.menu")
@Menu(title = "workbench.menu", order = -1, icon = "vaadin:dashboard")
@PermitAll
class WorkbenchView extends VerticalLayout {

    private static final Logger LOG = Logger.getLogger(WorkbenchView.class);

    final Div sections = new Div();
    final List<SectionSummary> shown;

    WorkbenchView(Instance<WorkbenchSection> contributed, CurrentViewer currentViewer, Clock clock) {
        long started = System.nanoTime();
        Viewer viewer = currentViewer.get();
        addClassName("workbench");
        Span today = new Span(getTranslation("workbench.today", LocalDate.now(clock)
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale()))));
        today.setId("workbench-today");
        today.addClassName("workbench-date");
        sections.setId("workbench-sections");
        sections.addClassName("workbench-sections");
        shown = contributed.stream().filter(s -> s.shownTo(viewer))
                .sorted(Comparator.comparingInt(WorkbenchSection::order))
                .map(s -> s.summarise(viewer, this::getTranslation)).toList();
        shown.forEach(s -> sections.add(new SectionCard(s, this::getTranslation)));
        if (shown.isEmpty()) {
            sections.add(shortcuts());
        }
        add(today, sections);
        LOG.debugf("workbench of %s: %d sections in %d ms", viewer.username(), shown.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The pages this user may open, as links: the administrator's home, whose work lives on those pages. */
    private Div shortcuts() {
        Div card = new Div();
        card.setId("workbench-shortcuts");
        card.addClassName("workbench-card");
        Span title = new Span(getTranslation("workbench.shortcuts"));
        title.addClassName("workbench-card-title");
        card.add(title);
        VaadinRequest request = VaadinRequest.getCurrent();
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            boolean open = entry.menuClass() != null && request != null
                    && checker.hasAccess(entry.menuClass(), request.getUserPrincipal(), request::isUserInRole);
            if (open && !entry.path().isEmpty() && entry.menuClass() != WorkbenchView.class) {
                Anchor link = new Anchor(entry.path(), getTranslation(entry.title()));
                link.addClassName("workbench-row");
                card.add(link);
            }
        }
        if (card.getComponentCount() == 1) {
            card.add(MainLayout.emptyState(getTranslation("workbench.nothing")));
        }
        return card;
    }
}
