package cn.keyaccount.supplyplan;

import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;

/**
 * The plan as a Word document, filled into reports/templates/supply-plan.docx: the cover's {{placeholders}} are
 * replaced, and the sections (headings in style Heading1, tables in table style PlanTable with header cells in
 * paragraph style TableHeader) go where the {{content}} paragraph stands. Restyling the template restyles the output.
 */
@ApplicationScoped
public class SupplyPlanDocument {

    static final String TEMPLATE = "reports/templates/supply-plan.docx";
    static final String HEADING = "Heading1";
    static final String TABLE = "PlanTable";
    static final String TABLE_HEADER = "TableHeader";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SupplyPlanService plans;

    private final Clock clock;

    SupplyPlanDocument(Clock clock, SupplyPlanService plans) {
        this.clock = clock;
        this.plans = plans;
    }

    /** The plan the viewer may see as DOCX bytes, in the given language. */
    public byte[] write(Viewer viewer, long planId, Locale locale) {
        PlanDetails p = plans.get(viewer, planId);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("Template missing: " + TEMPLATE);
            }
            try (XWPFDocument doc = new XWPFDocument(in); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                new Filler(doc, p, locale).fill();
                doc.write(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name for the download, e.g. {@code 保供电预案-3100012345-r2.docx}. */
    public static String fileName(PlanDetails p) {
        return "保供电预案-" + p.accountNo() + "-r" + p.revision() + ".docx";
    }

    private final class Filler {
        private final XWPFDocument doc;
        private final PlanDetails p;
        private final Locale locale;
        private XWPFParagraph anchor;

        Filler(XWPFDocument doc, PlanDetails p, Locale locale) {
            this.doc = doc;
            this.p = p;
            this.locale = locale;
        }

        private String t(String key, Object... args) {
            return Messages.get(locale, key, args);
        }

        void fill() {
            Map<String, String> values = Map.of(
                    "title", p.title(), "customer", p.customerName(), "accountNo", p.accountNo(),
                    "event", p.eventName() + "（" + t("plan.event." + p.eventType()) + "）",
                    "level", t("plan.level." + p.level()), "period", period(p.startsAt(), p.endsAt()),
                    "revision", String.valueOf(p.revision()), "status", t("plan.status." + p.status()),
                    "author", p.authorName(), "date", LocalDate.now(clock).toString());
            for (XWPFParagraph para : new ArrayList<>(doc.getParagraphs())) {
                String text = para.getText();
                if (text.contains("{{content}}")) {
                    anchor = para;
                } else if (text.contains("{{")) {
                    String replaced = text;
                    for (Map.Entry<String, String> v : values.entrySet()) {
                        replaced = replaced.replace("{{" + v.getKey() + "}}", v.getValue() == null ? "" : v.getValue());
                    }
                    setText(para, replaced);
                }
            }
            if (anchor == null) {
                throw new IllegalStateException("Template has no {{content}} paragraph: " + TEMPLATE);
            }
            sections();
            doc.removeBodyElement(doc.getPosOfParagraph(anchor));
        }

        /** Keeps the first run (and so its formatting) and drops the rest: Word may split a placeholder over runs. */
        private static void setText(XWPFParagraph para, String text) {
            List<XWPFRun> runs = para.getRuns();
            for (int i = runs.size() - 1; i > 0; i--) {
                para.removeRun(i);
            }
            XWPFRun run = runs.isEmpty() ? para.createRun() : para.getRuns().getFirst();
            run.setText(text, 0);
        }

        private void sections() {
            heading("plan.doc.overview");
            table(List.of(t("plan.doc.item"), t("plan.doc.value")), List.of(
                    List.of(t("plan.customer"), p.customerName() + "（" + p.accountNo() + "）"),
                    List.of(t("plan.event"), p.eventName()),
                    List.of(t("plan.event-type"), t("plan.event." + p.eventType())),
                    List.of(t("plan.level"), t("plan.level." + p.level())),
                    List.of(t("plan.period"), period(p.startsAt(), p.endsAt())),
                    List.of(t("plan.status"), t("plan.status." + p.status()) + " · r" + p.revision()),
                    List.of(t("plan.author"), p.authorName())));

            heading("plan.doc.supply");
            paragraph(p.supplySources());
            table(List.of(t("plan.line-code"), t("plan.line-name"), t("plan.substation"), t("plan.voltage")),
                    p.lines().stream().map(l -> List.of(l.code(), l.name(), l.substationName(),
                            plain(l.voltageKv()) + " kV")).toList());

            heading("plan.doc.loads");
            table(List.of(t("plan.load-name"), t("plan.load-kw"), t("plan.note")), p.loads().stream()
                    .map(l -> List.of(l.name(), plain(l.loadKw()), l.note())).toList());

            heading("plan.doc.risks");
            table(List.of(t("plan.risk"), t("plan.measure")), p.risks().stream()
                    .map(r -> List.of(r.risk(), r.measure())).toList());

            heading("plan.doc.resources");
            table(List.of(t("plan.resource-kind"), t("plan.resource-name"), t("plan.quantity"), t("plan.location")),
                    p.resources().stream().map(r -> List.of(t("plan.resource." + r.kind()), r.name(), r.quantity(),
                            r.location())).toList());
            heading("plan.doc.trucks");
            table(List.of(t("plan.truck"), t("plan.rated-kw"), t("plan.from"), t("plan.to"), t("plan.note")),
                    p.bookings().stream().map(b -> List.of(b.plate() + " " + b.truckName(),
                            String.valueOf(b.ratedKw()), time(b.startsAt()), time(b.endsAt()), b.note())).toList());

            heading("plan.doc.duties");
            table(List.of(t("plan.escalation"), t("plan.party"), t("plan.person"), t("plan.role"), t("plan.mobile"),
                    t("plan.shift")), p.duties().stream().sorted(java.util.Comparator.comparingInt(Duty::escalation))
                    .map(d -> List.of(String.valueOf(d.escalation()), t("plan.party." + d.party()), d.person(),
                            d.role(), d.mobile(), d.shift())).toList());

            heading("plan.doc.tasks");
            table(List.of(t("plan.task"), t("plan.party"), t("plan.owner"), t("plan.due"), t("plan.done")),
                    p.tasks().stream().map(x -> List.of(x.title(), t("plan.party." + x.party()), x.ownerName(),
                            x.dueOn().toString(), x.done() ? "✓ " + time(x.doneAt()) : "")).toList());

            heading("plan.doc.history");
            table(List.of(t("plan.when"), t("plan.action"), t("plan.who"), t("plan.comment")), p.transitions().stream()
                    .map(x -> List.of(time(x.at()), t("plan.action." + x.action()), x.actor(), x.comment())).toList());
        }

        private XmlCursor cursor() {
            return anchor.getCTP().newCursor();
        }

        private void heading(String key) {
            XmlCursor c = cursor();
            XWPFParagraph h = doc.insertNewParagraph(c);
            c.dispose();
            h.setStyle(HEADING);
            h.createRun().setText(t(key));
        }

        private void paragraph(String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            XmlCursor c = cursor();
            XWPFParagraph para = doc.insertNewParagraph(c);
            c.dispose();
            para.createRun().setText(text);
        }

        private void table(List<String> header, List<List<String>> rows) {
            if (rows.isEmpty()) {
                paragraph(t("plan.doc.none"));
                return;
            }
            XmlCursor c = cursor();
            XWPFTable table = doc.insertNewTbl(c);
            c.dispose();
            table.setStyleID(TABLE);
            table.setWidth("100%");
            XWPFTableRow first = table.getRow(0);
            for (int i = 0; i < header.size(); i++) {
                XWPFTableCell cell = i == 0 ? first.getCell(0) == null ? first.addNewTableCell() : first.getCell(0)
                        : first.addNewTableCell();
                write(cell, header.get(i), TABLE_HEADER);
            }
            first.setRepeatHeader(true);
            for (List<String> values : rows) {
                XWPFTableRow row = table.createRow();
                for (int i = 0; i < header.size(); i++) {
                    write(row.getCell(i), i < values.size() ? values.get(i) : "", null);
                }
            }
            // a paragraph after each table, so that two tables in a row do not merge
            XmlCursor after = cursor();
            doc.insertNewParagraph(after);
            after.dispose();
        }

        private static void write(XWPFTableCell cell, String text, String style) {
            XWPFParagraph para = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().getFirst();
            if (style != null) {
                para.setStyle(style);
            }
            para.createRun().setText(text == null ? "" : text);
        }

        private String period(OffsetDateTime from, OffsetDateTime to) {
            return time(from) + " — " + time(to);
        }

        private String time(OffsetDateTime t) {
            return t == null ? "" : t.atZoneSameInstant(clock.getZone()).format(TIME);
        }

        private static String plain(BigDecimal d) {
            return d == null ? "" : d.stripTrailingZeros().toPlainString();
        }
    }
}
