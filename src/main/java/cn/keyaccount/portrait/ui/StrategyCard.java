package cn.keyaccount.portrait.ui;

import cn.keyaccount.portrait.StrategyDetails;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The strategy of a customer's segment on its portrait: visit interval, offers (one a line) and talking points. */
class StrategyCard extends Div {

    StrategyCard(StrategyDetails s) {
        addClassName("portrait-strategy");
        add(new H3(getTranslation("portrait.strategy.card.title")));
        if (s.visitIntervalDays() != null) {
            add(new Div(new Span(getTranslation("portrait.strategy.card.interval", s.visitIntervalDays()))));
        }
        if (!s.offers().isBlank()) {
            UnorderedList list = new UnorderedList();
            s.offers().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> list.add(new ListItem(l)));
            add(new Div(new Span(getTranslation("portrait.strategy.offers"))), list);
        }
        if (!s.talkingPoints().isBlank()) {
            Div points = new Div(new Span(s.talkingPoints()));
            points.getStyle().set("white-space", "pre-line");
            add(new Div(new Span(getTranslation("portrait.strategy.talkingPoints"))), points);
        }
    }
}
