package cn.keyaccount.servicerequest.repair.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Small pieces the crew's pages share: times to the minute, a card. */
final class RepairUi {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private RepairUi() {
    }

    static String time(OffsetDateTime at, Clock clock) {
        return at == null ? "—" : TIME.format(at.atZoneSameInstant(clock.getZone()));
    }

    /** A bordered block, full width on a phone. */
    static Div card() {
        Div card = new Div();
        card.addClassName("repair-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)")
                .set("box-sizing", "border-box").set("width", "100%");
        return card;
    }

    static Span line(String text) {
        Span s = new Span(text);
        s.getStyle().set("display", "block");
        return s;
    }

    static Span strong(String text) {
        Span s = line(text);
        s.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        return s;
    }
}
