package cn.keyaccount.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.demo.DemoDataGenerator;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.report.ReportDetails;
import cn.keyaccount.report.ReportFormat;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitDetails;
import cn.keyaccount.visit.VisitDraft;
import cn.keyaccount.visit.VisitRecordDraft;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.visit.VisitType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer timeline over the demo customer's first account (its outages, supply plans and reports come from the
 * demo), with a visit recorded, a notice scheduled, a report issued and downloaded and the record edited here.
 */
@QuarkusTest
class CustomerTimelineTest {

    static final String DEMANDS = "时间线测试：希望增容 500 kVA";

    @Inject
    CustomerTimeline timeline;
    @Inject
    CustomerService customers;
    @Inject
    VisitService visits;
    @Inject
    NoticeService notices;
    @Inject
    ReportService reports;
    @Inject
    UserService users;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    long customerId;
    Viewer manager;

    @BeforeEach
    void everySourceHasSomethingToSay() throws InterruptedException {
        customerId = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select c.id from Customer c "
                        + "join c.portalUsers u where u.username = :u order by c.id", Long.class)
                .setParameter("u", DemoDataGenerator.Login.CUSTOMER.username).setMaxResults(1).getSingleResult());
        String username = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.manager.username from Customer c where c.id = :id", String.class)
                .setParameter("id", customerId).getSingleResult());
        manager = users.viewer(username);
        if (all(EnumSet.of(TimelineKind.VISIT)).stream().noneMatch(e -> e.detail() != null
                && e.detail().contains(DEMANDS))) {
            LocalDate today = LocalDate.now(clock);
            VisitDetails v = visits.create(manager, new VisitDraft(customerId, VisitType.ROUTINE, today, null));
            visits.record(manager, v.visit().id(), new VisitRecordDraft(today, VisitType.ROUTINE, "经理", "电工",
                    "运行正常", DEMANDS, 5, List.of(), v.visit().version()));
            notices.compose(manager, NoticeRequest.toCustomers(NoticePurpose.GENERAL, "general", "时间线测试通知",
                            List.of(customerId)).channels(Set.of(Channel.PORTAL))
                    .parameters(Map.of("title", "时间线", "text", "测试")).build());
            var draft = customers.get(manager, customerId).toDraft();
            draft.setAddress("时间线测试路 1 号");
            customers.update(manager, customerId, draft);
        }
        if (all(EnumSet.of(TimelineKind.REPORT)).stream().noneMatch(e -> e.source().equals("report-download"))) {
            reports.download(manager, issuedReport(), ReportFormat.XLSX);
        }
    }

    /** The demo issues its reports in the background at start: wait for it, or issue one when it made none. */
    private long issuedReport() throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            List<ReportDetails> issued = reports.list(manager, customerId, 0, 1);
            if (!issued.isEmpty()) {
                return issued.getFirst().id();
            }
            try {
                return reports.generate(manager, customerId, YearMonth.now(clock).minusMonths(1), "zh", false,
                        ReportService.Progress.NONE).id();
            } catch (BusinessException e) { // the demo's background issue of the same month is under way
                Thread.sleep(5_000);
            }
        }
        throw new AssertionError("no report issued for customer " + customerId);
    }

    private List<TimelineEntry> all(Set<TimelineKind> kinds) {
        List<TimelineEntry> entries = new ArrayList<>();
        String next = null;
        do {
            TimelinePage page = timeline.page(Viewer.system(), customerId, kinds, null, null, next, 500,
                    Messages.CHINESE);
            entries.addAll(page.items());
            next = page.next();
        } while (next != null);
        return entries;
    }

    @Test
    void entries_from_every_source_appear_newest_first() {
        List<TimelineEntry> entries = all(null);

        Set<TimelineKind> kinds = EnumSet.noneOf(TimelineKind.class);
        entries.forEach(e -> kinds.add(e.kind()));
        assertEquals(EnumSet.allOf(TimelineKind.class), kinds, "every kind of entry is there");
        Set<String> sources = new HashSet<>();
        entries.forEach(e -> sources.add(e.source()));
        assertTrue(sources.containsAll(List.of("visit", "notice", "outage", "plan", "report", "report-download",
                "assignment", "edit")), "every source: " + sources);
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(entries.get(i).at().isAfter(entries.get(i - 1).at()),
                    "newest first at " + i + ": " + entries.get(i - 1) + " then " + entries.get(i));
        }
        TimelineEntry visit = entries.stream().filter(e -> e.detail() != null && e.detail().contains(DEMANDS))
                .findFirst().orElseThrow();
        assertTrue(visit.title().startsWith("走访完成"), visit.title());
        assertEquals("customers/" + customerId + "?tab=visit.tab", visit.link());
        assertTrue(entries.stream().filter(e -> e.kind() == TimelineKind.PLAN)
                .allMatch(e -> e.link().startsWith("plans/")), "plans link to the plan");
        assertTrue(entries.stream().noneMatch(e -> e.title().contains("!") || e.detail() != null
                && e.detail().contains("!plan.")), "no missing translation");
    }

    @Test
    void the_kind_filter_and_the_period_filter_narrow_the_entries() {
        List<TimelineEntry> visitsOnly = timeline.page(manager, customerId, EnumSet.of(TimelineKind.VISIT), null,
                null, null, 500, Messages.CHINESE).items();
        assertFalse(visitsOnly.isEmpty());
        assertTrue(visitsOnly.stream().allMatch(e -> e.kind() == TimelineKind.VISIT));
        List<TimelineEntry> two = timeline.page(manager, customerId,
                EnumSet.of(TimelineKind.OUTAGE, TimelineKind.PLAN), null, null, null, 500, Messages.CHINESE).items();
        assertEquals(EnumSet.of(TimelineKind.OUTAGE, TimelineKind.PLAN),
                EnumSet.copyOf(two.stream().map(TimelineEntry::kind).toList()));

        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        List<TimelineEntry> todays = timeline.page(manager, customerId, null, today, today, null, 500,
                Messages.CHINESE).items();
        assertTrue(todays.stream().anyMatch(e -> e.detail() != null && e.detail().contains(DEMANDS)),
                "the visit recorded today");
        assertTrue(todays.stream().allMatch(e -> e.at().atZoneSameInstant(zone).toLocalDate().equals(today)),
                "only today's entries");
        OffsetDateTime yearAgo = today.minusYears(1).atStartOfDay(zone).toOffsetDateTime();
        assertTrue(timeline.page(manager, customerId, null, null, today.minusYears(1).minusDays(1), null, 500,
                Messages.CHINESE).items().stream().allMatch(e -> e.at().isBefore(yearAgo)), "up to a day only");
        assertThrows(BusinessException.class, () -> timeline.page(manager, customerId, null, today,
                today.minusDays(1), null, 10, Messages.CHINESE), "a period that ends before it starts");
    }

    @Test
    void pages_joined_by_their_cursors_give_exactly_the_whole_timeline() {
        List<TimelineEntry> whole = all(null);
        List<TimelineEntry> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            TimelinePage page = timeline.page(manager, customerId, null, null, null, next, 7, Messages.CHINESE);
            assertTrue(page.items().size() <= 7);
            paged.addAll(page.items());
            next = page.next();
            pages++;
        } while (next != null);

        assertTrue(pages > 2, "several pages: " + pages);
        assertEquals(whole.stream().map(e -> e.source() + e.id()).toList(),
                paged.stream().map(e -> e.source() + e.id()).toList(), "the same entries in the same order");
        TimelinePage last = timeline.page(manager, customerId, null, null, null, null, whole.size(),
                Messages.CHINESE);
        assertNull(last.next(), "no cursor when nothing is left");
        assertNotNull(timeline.page(manager, customerId, null, null, null, null, 1, Messages.CHINESE).next());
        assertThrows(BusinessException.class, () -> timeline.page(manager, customerId, null, null, null,
                "1.0.nosuchsource.1", 10, Messages.CHINESE), "a cursor of no source");
    }

    @Test
    void another_managers_customer_is_not_found() {
        Viewer other = users.viewer(DemoDataGenerator.Login.MANAGER.username);
        long foreign = customers.search(Viewer.system(), CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 400)
                .stream().filter(r -> customers.count(other, CustomerSearch.text(r.accountNo())) == 0)
                .findFirst().orElseThrow().id();

        BusinessException e = assertThrows(BusinessException.class, () -> timeline.page(other, foreign, null, null,
                null, null, 10, Messages.CHINESE));
        assertEquals(BusinessException.Kind.NOT_FOUND, e.kind());
    }
}
