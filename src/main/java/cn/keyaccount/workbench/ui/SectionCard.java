package cn.keyaccount.workbench.ui;

import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One section as a card: its title with the count (a link to the page where the items are handled), the first few
 * items each linking to its own place, "all N" when there are more, or the empty sentence.
 */
class SectionCard extends Div {

    final Anchor count;

    SectionCard(SectionSummary s, WorkbenchSection.Texts texts) {
        setId("workbench-" + s.id());
        addClassName("workbench-card");
        Span title = new Span(s.title());
        title.addClassName("workbench-card-title");
        count = new Anchor(s.link(), Long.toString(s.count()));
        count.addClassName("workbench-count");
        count.addClassName(s.count() == 0 ? "zero" : "some");
        count.getElement().setAttribute("title", s.linkText());
        Div countBox = new Div(count);
        countBox.addClassName("workbench-count-box");
        if (!s.countNote().isEmpty()) {
            Span note = new Span(s.countNote());
            note.addClassName("workbench-count-note");
            countBox.add(note);
        }
        Div head = new Div(title, countBox);
        head.addClassName("workbench-card-head");
        add(head);
        if (s.rows().isEmpty()) {
            Span empty = new Span(s.empty());
            empty.addClassName("workbench-empty");
            add(empty);
        }
        for (SectionRow r : s.rows()) {
            Anchor row = new Anchor(r.link(), "");
            row.addClassName("workbench-row");
            if (r.urgent()) {
                row.addClassName("urgent");
            }
            Span text = new Span(r.text());
            text.addClassName("workbench-row-text");
            text.getElement().setAttribute("title", r.text());
            Span detail = new Span(r.detail());
            detail.addClassName("workbench-row-detail");
            row.add(text, detail);
            add(row);
        }
        Anchor all = new Anchor(s.link(), s.count() > s.rows().size()
                ? texts.getTranslation("workbench.all", s.count(), s.linkText()) : s.linkText());
        all.addClassName("workbench-more");
        add(all);
    }
}
