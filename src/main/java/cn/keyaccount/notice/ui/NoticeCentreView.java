package cn.keyaccount.notice.ui;

import cn.keyaccount.base.ui.NarrowScreen;
import java.time.Clock;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeDecisions;
import cn.keyaccount.notice.NoticeDispatcher;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.notice.gateway.SmsConnectionTest;
import cn.keyaccount.notice.gateway.SmsProviders;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/**
 * The notice centre (通知中心): compose and schedule a notice, follow each notice's progress, and for the selected
 * notice every message with its state, attempts, provider id, receipt and error. Failed messages can be retried all
 * at once or one by one; an UNCERTAIN one (its node died between asking the provider and recording the answer, and
 * no receipt came) waits for a decision here: send it again, knowing it may arrive twice, or count it as sent.
 */
@Route("notices")
@PageTitle("notice.menu")
@Menu(title = "notice.menu", order = 40, icon = "vaadin:envelopes")
@RolesAllowed(Roles.STAFF)
class NoticeCentreView extends VerticalLayout implements BeforeEnterObserver {

    private final NoticeService notices;
    private final NoticeQueries queries;
    private final NoticeDecisions decisions;
    private final Viewer viewer;
    final Span channelStatus = new Span();
    final NoticeComposer composer;
    final Grid<NoticeSummary> noticeGrid = new Grid<>();
    final Grid<MessageDetails> messageGrid = new Grid<>();
    final Button refresh = new Button();
    final Button retry = new Button();
    final NarrowScreen narrow = NarrowScreen.of(this);
    final Checkbox attentionOnly = new Checkbox();

    private final Clock clock;

    NoticeCentreView(Clock clock, NoticeService notices, NoticeQueries queries, NoticeDecisions decisions,
                     NoticeDispatcher dispatcher, CustomerService customers, CurrentViewer currentViewer,
                     SmsProviders smsProviders, SmsConnectionTest smsTest) {
        this.clock = clock;
        this.notices = notices;
        this.queries = queries;
        this.decisions = decisions;
        this.viewer = currentViewer.get();
        setSizeFull();
        NoticeDispatcher.ChannelStatus s = dispatcher.status();
        channelStatus.setId("notice-channel-status");
        channelStatus.setText(getTranslation("notice.status",
                getTranslation(s.smsEnabled() ? (s.smsBound() ? "notice.status.bound" : "notice.status.enabled")
                        : "notice.status.disabled"),
                getTranslation(s.emailEnabled() ? "notice.status.enabled" : "notice.status.disabled")));
        composer = new NoticeComposer(clock, notices.templateKeys(), k -> notices.templateName(k, "zh"),
                notices::templateParameters, (t, v) -> notices.preview(t, "zh", v),
                q -> customers.search(viewer, new CustomerSearch(q.getFilter().orElse(""), null, null, null, null,
                        null), CustomerSearch.Order.DEFAULT, q.getOffset(), q.getLimit()).stream());
        composer.addScheduleListener(e -> schedule(e));
        Details compose = new Details(getTranslation("notice.compose"), composer);
        compose.setId("notice-compose");
        configureNoticeGrid();
        configureMessageGrid();
        refresh.setText(getTranslation("notice.refresh"));
        refresh.addClickListener(e -> {
            noticeGrid.getDataProvider().refreshAll();
            messageGrid.getDataProvider().refreshAll();
        });
        retry.setText(getTranslation("notice.retry-failed"));
        retry.setId("notice-retry");
        retry.setEnabled(false);
        retry.addClickListener(e -> retryFailed());
        attentionOnly.setId("notice-attention-only");
        attentionOnly.setLabel(getTranslation("notice.attention-only"));
        attentionOnly.addValueChangeListener(e -> noticeGrid.getDataProvider().refreshAll());
        RouterLink replies = new RouterLink(getTranslation("notice.replies"), RepliesView.class);
        replies.setId("notice-replies-link");
        HorizontalLayout bar = new HorizontalLayout(refresh, retry, attentionOnly, replies);
        bar.setAlignItems(Alignment.CENTER);
        add(channelStatus, compose, bar, noticeGrid, messageGrid);
        if (viewer.isAdmin()) {
            Details providers = new Details(getTranslation("gateway.title"),
                    new SmsConnectionPanel(smsProviders, smsTest, viewer));
            providers.setId("sms-connection-test");
            addComponentAtIndex(2, providers);
        }
        narrow.cards(messageGrid, m -> NarrowScreen.card(m.recipientName(),
                getTranslation("notice.channel." + m.channel().name()), m.address(),
                getTranslation("notice.state." + m.state().name()), NoticeLabels.time(m.sentAt()), m.error()));
    }

    /** A link from the workbench: {@code ?filter=attention} lists only notices with failed or uncertain messages. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("filter")
                .ifPresent(f -> attentionOnly.setValue("attention".equals(f)));
    }

    private void schedule(NoticeComposer.ScheduleEvent e) {
        NoticeSummary created = notices.compose(viewer, e.request());
        Notification.show(getTranslation("notice.scheduled", created.total(), created.skipped()))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        noticeGrid.getDataProvider().refreshAll();
    }

    private void configureNoticeGrid() {
        noticeGrid.setId("notice-grid");
        noticeGrid.addColumn(n -> NoticeLabels.time(n.plannedAt())).setHeader(getTranslation("notice.planned-at"))
                .setAutoWidth(true);
        // the title is what people scan by: it takes the room left, in full on hover
        noticeGrid.addColumn(NoticeSummary::title).setHeader(getTranslation("notice.title")).setFlexGrow(4)
                .setWidth("16rem").setTooltipGenerator(NoticeSummary::title);
        noticeGrid.addColumn(n -> NoticeLabels.purpose(this::getTranslation, n.purpose())).setHeader(getTranslation("notice.purpose")).setAutoWidth(true);
        noticeGrid.addColumn(n -> n.settled() + " / " + n.total()).setHeader(getTranslation("notice.progress"))
                .setAutoWidth(true);
        noticeGrid.addColumn(NoticeSummary::delivered).setHeader(getTranslation("notice.state.DELIVERED"))
                .setAutoWidth(true).setFlexGrow(0);
        noticeGrid.addColumn(NoticeSummary::sent).setHeader(getTranslation("notice.state.SENT"))
                .setAutoWidth(true).setFlexGrow(0);
        noticeGrid.addColumn(NoticeSummary::failed).setHeader(getTranslation("notice.state.FAILED"))
                .setAutoWidth(true).setFlexGrow(0);
        noticeGrid.addColumn(NoticeSummary::expired).setHeader(getTranslation("notice.state.EXPIRED"))
                .setAutoWidth(true).setFlexGrow(0);
        noticeGrid.addColumn(NoticeSummary::uncertain).setHeader(getTranslation("notice.state.UNCERTAIN"))
                .setAutoWidth(true).setFlexGrow(0);
        noticeGrid.addColumn(NoticeSummary::skipped).setHeader(getTranslation("notice.skipped"))
                .setAutoWidth(true).setFlexGrow(0);
        noticeGrid.addColumn(NoticeSummary::createdBy).setHeader(getTranslation("notice.created-by"))
                .setAutoWidth(true);
        narrow.cards(noticeGrid, n -> NarrowScreen.card(n.title(), NoticeLabels.time(n.plannedAt()),
                getTranslation("notice.progress") + " " + n.settled() + " / " + n.total(),
                n.failed() > 0 ? getTranslation("notice.state.FAILED") + " " + n.failed() : null));
        noticeGrid.setItems(q -> (attentionOnly.getValue() ? queries.needingAttention(viewer, q.getOffset(), q.getLimit())
                        : queries.list(viewer, q.getOffset(), q.getLimit())).stream(),
                q -> (int) (attentionOnly.getValue() ? queries.countNeedingAttention(viewer) : queries.count(viewer)));
        noticeGrid.setHeight("40%");
        noticeGrid.asSingleSelect().addValueChangeListener(e -> {
            retry.setEnabled(e.getValue() != null);
            messageGrid.getDataProvider().refreshAll();
        });
    }

    private void configureMessageGrid() {
        messageGrid.setId("notice-messages");
        messageGrid.addColumn(MessageDetails::recipientName).setHeader(getTranslation("notice.recipient"))
                .setAutoWidth(true);
        messageGrid.addColumn(m -> getTranslation("notice.channel." + m.channel().name()))
                .setHeader(getTranslation("notice.channel")).setAutoWidth(true);
        messageGrid.addColumn(MessageDetails::address).setHeader(getTranslation("notice.address")).setAutoWidth(true);
        messageGrid.addColumn(new ComponentRenderer<>(m -> NoticeLabels.state(new Span(), m.state())))
                .setHeader(getTranslation("notice.state")).setAutoWidth(true);
        messageGrid.addColumn(MessageDetails::attempts).setHeader(getTranslation("notice.attempts"));
        messageGrid.addColumn(m -> NoticeLabels.time(m.sentAt())).setHeader(getTranslation("notice.sent-at"))
                .setAutoWidth(true);
        messageGrid.addColumn(MessageDetails::providerMessageId).setHeader(getTranslation("notice.provider-id"))
                .setAutoWidth(true);
        messageGrid.addColumn(m -> NoticeLabels.time(m.receiptAt())).setHeader(getTranslation("notice.receipt"))
                .setAutoWidth(true);
        messageGrid.addColumn(m -> NoticeLabels.error(this::getTranslation, m.error())).setHeader(getTranslation("notice.error")).setFlexGrow(2);
        messageGrid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("notice.actions"))
                .setAutoWidth(true);
        messageGrid.setItems(q -> selected() == null ? java.util.stream.Stream.empty()
                        : queries.messages(viewer, selected().id(), null, q.getOffset(), q.getLimit()).stream(),
                q -> selected() == null ? 0 : (int) queries.countMessages(viewer, selected().id(), null));
        messageGrid.setItemDetailsRenderer(new ComponentRenderer<>(m -> new Span(m.body())));
    }

    /** What can be done with one message: retry a failed one, decide an uncertain one. */
    HorizontalLayout actions(MessageDetails m) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (m.state() == MessageState.FAILED) {
            actions.add(action("notice.retry-one", "retry-" + m.id(), () -> {
                decisions.retryMessage(viewer, m.noticeId(), m.id());
                Notification.show(getTranslation("notice.retried", 1));
            }));
        } else if (m.state() == MessageState.UNCERTAIN) {
            actions.add(action("notice.uncertain.resend", "resend-" + m.id(),
                    () -> decisions.resolveUncertain(viewer, m.noticeId(), m.id(), true)));
            actions.add(action("notice.uncertain.count-sent", "count-sent-" + m.id(),
                    () -> decisions.resolveUncertain(viewer, m.noticeId(), m.id(), false)));
        }
        return actions;
    }

    private Button action(String label, String id, Runnable run) {
        Button b = new Button(getTranslation(label), e -> {
            try {
                run.run();
            } finally {
                noticeGrid.getDataProvider().refreshAll();
                messageGrid.getDataProvider().refreshAll();
            }
        });
        b.setId(id);
        b.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private NoticeSummary selected() {
        return noticeGrid.asSingleSelect().getValue();
    }

    private void retryFailed() {
        if (selected() == null) {
            return;
        }
        int n = decisions.retryFailed(viewer, selected().id());
        Notification.show(getTranslation("notice.retried", n));
        messageGrid.getDataProvider().refreshAll();
    }
}
