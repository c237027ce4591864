package cn.keyaccount.notice.ui;

import cn.keyaccount.notice.gateway.SmsConnectionTest;
import cn.keyaccount.notice.gateway.SmsGateway;
import cn.keyaccount.notice.gateway.SmsProviders;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SMS providers in the rule's order with their links, and the connection test for administrators: a number typed
 * here gets one test SMS per provider (or through the one chosen), and each gateway's answer is listed: outcome, result
 * code and its meaning, message id, time taken.
 */
class SmsConnectionPanel extends VerticalLayout {

    private static final String ALL = "";

    final Span providerLine = new Span();
    final TextField mobile = new TextField();
    final Select<String> provider = new Select<>();
    final Button send = new Button();
    final Grid<SmsConnectionTest.Answer> answers = new Grid<>();

    SmsConnectionPanel(SmsProviders providers, SmsConnectionTest tests, Viewer viewer) {
        setPadding(false);
        providerLine.setId("sms-providers");
        providerLine.setText(describe(providers.all()));
        mobile.setId("sms-test-mobile");
        mobile.setLabel(getTranslation("gateway.test.mobile"));
        mobile.setPattern("1[3-9][0-9]{9}");
        mobile.setMaxLength(11);
        mobile.setHelperText(getTranslation("gateway.test.mobile-help"));
        List<String> names = new ArrayList<>();
        names.add(ALL);
        providers.enabled().forEach(g -> names.add(g.name()));
        provider.setId("sms-test-provider");
        provider.setLabel(getTranslation("gateway.test.provider"));
        provider.setItems(names);
        provider.setItemLabelGenerator(n -> n.isEmpty() ? getTranslation("gateway.test.all") : n);
        provider.setValue(ALL);
        send.setId("sms-test-send");
        send.setText(getTranslation("gateway.test.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> answers.setItems(tests.test(viewer, mobile.getValue(), provider.getValue())));
        HorizontalLayout form = new HorizontalLayout(mobile, provider, send);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        configureAnswers();
        add(providerLine, form, answers);
    }

    private String describe(List<SmsGateway> all) {
        return getTranslation("gateway.providers", all.stream()
                .map(g -> getTranslation("gateway.provider", g.name(), g.protocol(),
                        getTranslation(g.enabled() ? "gateway.link." + g.linkState().name() : "gateway.link.OFF")))
                .collect(Collectors.joining(getTranslation("gateway.separator"))));
    }

    private void configureAnswers() {
        answers.setId("sms-test-answers");
        answers.setAllRowsVisible(true);
        answers.addColumn(SmsConnectionTest.Answer::provider).setHeader(getTranslation("gateway.col.provider"))
                .setAutoWidth(true);
        answers.addColumn(SmsConnectionTest.Answer::protocol).setHeader(getTranslation("gateway.col.protocol"))
                .setAutoWidth(true);
        answers.addColumn(a -> getTranslation("gateway.outcome." + a.outcome().name()))
                .setHeader(getTranslation("gateway.col.outcome")).setAutoWidth(true);
        answers.addColumn(a -> a.resultCode() == null ? "" : a.resultCode().toString())
                .setHeader(getTranslation("gateway.col.code")).setAutoWidth(true);
        answers.addColumn(this::meaning).setHeader(getTranslation("gateway.col.meaning")).setFlexGrow(1);
        answers.addColumn(a -> a.messageId() == null ? "" : a.messageId())
                .setHeader(getTranslation("gateway.col.message-id")).setAutoWidth(true);
        answers.addColumn(a -> getTranslation("gateway.millis", a.millis()))
                .setHeader(getTranslation("gateway.col.millis")).setAutoWidth(true);
        answers.addColumn(a -> NoticeLabels.time(a.at().atOffset(ZoneOffset.UTC)))
                .setHeader(getTranslation("gateway.col.at")).setAutoWidth(true);
    }

    /** A carrier's result code (CMPP, SGIP, SMGP) in words; otherwise the answer as the provider described it. */
    private String meaning(SmsConnectionTest.Answer a) {
        String family = a.protocol().split(" ")[0];
        if (a.resultCode() != null && List.of("CMPP", "SGIP", "SMGP").contains(family)) {
            return NoticeLabels.resultMeaning((k, args) -> getTranslation(k, args), family, a.resultCode());
        }
        return a.outcome() == SmsConnectionTest.Outcome.ACCEPTED ? getTranslation("gateway.cmpp.result.0")
                : NoticeLabels.error((k, args) -> getTranslation(k, args), a.detail());
    }
}
