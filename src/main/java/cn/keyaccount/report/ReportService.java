package cn.keyaccount.report;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.base.TimeSettings;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.IntervalStore;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Energy-audit reports: made on demand by whoever may change the customer (a new issue each time) or once per
 * customer and month by the monthly batch, archived immutable with their checksums, listed and downloaded within
 * what the viewer may see (another's report is absent), every download audited.
 */
@ApplicationScoped
public class ReportService {

    public static final ZoneId ZONE = TimeSettings.companyZone();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReportService.class);
    static final String NOTICE_TEMPLATE = "report-ready";

    /** What the report is doing, for a progress bar: a step key (report.step.*) and how far it got. */
    public interface Progress {
        void step(String key, int done, int of);

        Progress NONE = (key, done, of) -> { };
    }

    private final CustomerService customers;
    private final EnergyService energy;
    private final IntervalStore intervals;
    private final EnergyAuditWorkbook workbook;
    private final EnergyAuditDocument document;
    private final ReportArchive archive;
    private final NoticeService notices;
    private final AuditService audit;
    private final ReportConfig config;
    private final EntityManager em;

    private final Clock clock;

    ReportService(Clock clock, CustomerService customers, EnergyService energy, IntervalStore intervals,
                  EnergyAuditWorkbook workbook, EnergyAuditDocument document, ReportArchive archive,
                  NoticeService notices, AuditService audit, ReportConfig config, EntityManager em) {
        this.clock = clock;
        this.customers = customers;
        this.energy = energy;
        this.intervals = intervals;
        this.workbook = workbook;
        this.document = document;
        this.archive = archive;
        this.notices = notices;
        this.audit = audit;
        this.config = config;
        this.em = em;
    }

    /**
     * A new issue of the customer's report for a month (covering that month and the ones before it, see
     * {@code keyaccount.report.months}), made now by the viewer, who must be allowed to change the customer; with
     * {@code notify} the customer's contacts are told it is ready.
     */
    @ActivateRequestContext
    public ReportDetails generate(Viewer viewer, long customerId, YearMonth month, String language, boolean notify,
                               Progress progress) {
        CustomerDetails c = customers.get(viewer, customerId);
        if (!c.editable()) {
            throw BusinessException.forbidden("error.customer-read-only");
        }
        if (month == null || month.isAfter(YearMonth.now(clock))) {
            throw BusinessException.invalid("report.error.month");
        }
        String lang = "en".equals(language) ? "en" : "zh";
        int issue = QuarkusTransaction.requiringNew().call(() -> archive.nextIssue(customerId,
                ReportKind.ENERGY_AUDIT, month.toString()));
        Built built = build(viewer, c, month, lang, viewer.displayName(), issue, progress);
        if (built == null) {
            throw BusinessException.invalid("report.error.no-data", month.toString());
        }
        progress.step("report.step.archive", 3, 4);
        long stored = System.nanoTime();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Long made = archive.store(built.issue(ReportOrigin.MANUAL), issue, built.files());
            if (made == null) {
                throw BusinessException.conflict("report.error.concurrent", month.toString());
            }
            audit.record(viewer.username(), "REPORT_ISSUED", "ENERGY_REPORT", made, customerId, viewer.unitPath(),
                    c.accountNo() + " " + month, null, null);
            if (notify) {
                announce(viewer, c, month, lang);
            }
            return made;
        });
        built.log(c.accountNo(), stored);
        progress.step("report.step.done", 4, 4);
        return get(viewer, id);
    }

    /** What the monthly batch's turn at one customer came to. */
    enum Scheduled { MADE, EXISTS, NO_DATA }

    /**
     * The monthly batch's report of one customer: made only when the customer has none for the month yet (also when
     * another node made it meanwhile), followed by the "report ready" notice. False when nothing was made (the report
     * exists, or the customer has no data in the month).
     */
    @ActivateRequestContext
    public boolean generateScheduled(long customerId, YearMonth month) {
        return issueScheduled(customerId, month) == Scheduled.MADE;
    }

    /**
     * {@link #generateScheduled} telling why nothing was made. Runs on the batch's worker threads: its own request
     * context, every write in a transaction of its own, the report and its notice in one.
     */
    @ActivateRequestContext
    Scheduled issueScheduled(long customerId, YearMonth month) {
        String period = month.toString();
        if (QuarkusTransaction.requiringNew().call(() -> archive.exists(customerId, ReportKind.ENERGY_AUDIT,
                period))) {
            return Scheduled.EXISTS;
        }
        Viewer system = Viewer.system();
        CustomerDetails c = customers.get(system, customerId);
        Built built = build(system, c, month, "zh", Messages.get(Messages.CHINESE, "report.generated-by-system"), 1,
                Progress.NONE);
        if (built == null) {
            return Scheduled.NO_DATA;
        }
        long stored = System.nanoTime();
        boolean made = QuarkusTransaction.requiringNew().call(() -> {
            if (archive.store(built.issue(ReportOrigin.SCHEDULED), 1, built.files()) == null) {
                return false;
            }
            announce(system, c, month, "zh");
            return true;
        });
        built.log(c.accountNo(), stored);
        return made ? Scheduled.MADE : Scheduled.EXISTS;
    }

    private void announce(Viewer viewer, CustomerDetails c, YearMonth month, String language) {
        Locale locale = locale(language);
        notices.schedule(viewer, NoticeRequest.toCustomers(NoticePurpose.REPORT, NOTICE_TEMPLATE,
                        Messages.get(locale, "report.notice-title", month.toString(), c.accountNo()), List.of(c.id()))
                .language(language).parameters(Map.of("period", month.toString())).build());
    }

    /** The generated files of one report, not yet stored, and how long each step took (nanoseconds). */
    private record Built(long customerId, String period, LocalDate from, LocalDate to, String language,
                         String generatedBy, EnergyAnalyzer.Result analysis, BigDecimal saving,
                         List<ReportArchive.NewFile> files, long analysisNanos, long xlsxNanos, long docxNanos) {

        ReportArchive.NewIssue issue(ReportOrigin origin) {
            return new ReportArchive.NewIssue(customerId, ReportKind.ENERGY_AUDIT, period, from, to, language, origin,
                    generatedBy, BigDecimal.valueOf(analysis.load().energyKwh()).setScale(2, RoundingMode.HALF_UP),
                    analysis.totalYuan().setScale(2, RoundingMode.HALF_UP),
                    saving, analysis.health().total());
        }

        /** The step times (bench/report-bench reads this line), the archive's from {@code storedAt} until now. */
        void log(String accountNo, long storedAt) {
            LOG.debugf("Report %s %s: analysis %d ms, XLSX %d ms (%d bytes), DOCX %d ms (%d bytes), archive and notice "
                            + "%d ms", accountNo, period, analysisNanos / 1_000_000, xlsxNanos / 1_000_000,
                    files.getFirst().content().length, docxNanos / 1_000_000, files.getLast().content().length,
                    (System.nanoTime() - storedAt) / 1_000_000);
        }
    }

    /**
     * Analyses the period (12 months to the end of the report month, or from the first reading) and writes both
     * files from one read of the interval data; null when the customer has no data in the month. The caller has
     * checked that the viewer may see the customer.
     */
    private Built build(Viewer viewer, CustomerDetails c, YearMonth month, String language, String generatedBy,
                        int issue, Progress progress) {
        progress.step("report.step.analyse", 0, 4);
        long started = System.nanoTime();
        LocalDate to = month.atEndOfMonth();
        LocalDate from = month.minusMonths(config.months() - 1L).atDay(1);
        LocalDate[] covered = intervals.coveredDays(c.id());
        if (covered == null || covered[0].isAfter(to) || covered[1].isBefore(month.atDay(1))) {
            return null;
        }
        if (covered[0].isAfter(from)) {
            from = covered[0];
        }
        EnergyService.Analysis read = energy.analyseWithSeries(viewer, c.id(), from, to);
        EnergyAnalyzer.Result analysis = read.result();
        if (analysis.months().isEmpty() || analysis.months().getLast().present() == 0) {
            // data before and after the month (the coverage spans it) but none in it: nothing to report on
            return null;
        }
        ReportContent content = new ReportContent(c, analysis, read.series(), month.toString(), issue, generatedBy,
                OffsetDateTime.now(clock), locale(language));
        progress.step("report.step.xlsx", 1, 4);
        long t0 = System.nanoTime();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream(1 << 20);
        workbook.write(content, xlsx);
        long t1 = System.nanoTime();
        progress.step("report.step.docx", 2, 4);
        ByteArrayOutputStream docx = new ByteArrayOutputStream(1 << 18);
        document.write(content, docx);
        String base = Messages.get(content.locale(), "report.file-name", c.accountNo(), month.toString());
        return new Built(c.id(), month.toString(), from, to, language, generatedBy, analysis, content.annualSaving(),
                List.of(file(ReportFormat.XLSX, base, xlsx.toByteArray()),
                        file(ReportFormat.DOCX, base, docx.toByteArray())),
                t0 - started, t1 - t0, System.nanoTime() - t1);
    }

    private static ReportArchive.NewFile file(ReportFormat format, String base, byte[] bytes) {
        return new ReportArchive.NewFile(format, base + "." + format.extension(), bytes, sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Messages.ENGLISH : Messages.CHINESE;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The reports of the customers the viewer may see (of one customer when given), newest first. */
    public List<ReportDetails> list(Viewer viewer, Long customerId, int offset, int limit) {
        if (customerId != null) {
            customers.get(viewer, customerId);
        }
        TypedQuery<EnergyReport> q = query(viewer, customerId, "select r", EnergyReport.class,
                " order by r.generatedAt desc, r.id desc");
        List<EnergyReport> rows = q.setFirstResult(offset).setMaxResults(limit).getResultList();
        ReportArchive.Extras extras = archive.extras(rows.stream().map(EnergyReport::getId).toList());
        Map<Long, CustomerName> names = new HashMap<>();
        customers.namesOf(viewer, rows.stream().map(EnergyReport::getCustomerId).toList())
                .forEach(n -> names.put(n.id(), n));
        return rows.stream().map(r -> {
            CustomerName n = names.get(r.getCustomerId());
            return view(r, n.accountNo(), n.name(), extras);
        }).toList();
    }

    public long count(Viewer viewer, Long customerId) {
        if (customerId != null) {
            customers.get(viewer, customerId);
        }
        return query(viewer, customerId, "select count(r)", Long.class, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(Viewer viewer, Long customerId, String select, Class<T> type, String order) {
        CustomerQueries.Subquery visible = CustomerQueries.visibleTo(viewer);
        TypedQuery<T> q = visible.bind(em.createQuery(select + " from EnergyReport r where r.customerId in ("
                + visible.hql() + ")" + (customerId == null ? "" : " and r.customerId = :customer") + order, type));
        if (customerId != null) {
            q.setParameter("customer", customerId);
        }
        return q;
    }

    /** One report the viewer may see; another's is absent. */
    public ReportDetails get(Viewer viewer, long reportId) {
        List<EnergyReport> rows = em.createQuery("select r from EnergyReport r where r.id = :id", EnergyReport.class)
                .setParameter("id", reportId).getResultList();
        if (rows.isEmpty()) {
            throw BusinessException.notFound("report.error.not-found", reportId);
        }
        EnergyReport r = rows.getFirst();
        CustomerDetails c;
        try {
            c = customers.get(viewer, r.getCustomerId());
        } catch (BusinessException e) {
            throw BusinessException.notFound("report.error.not-found", reportId);
        }
        return view(r, c.accountNo(), c.name(), archive.extras(List.of(r.getId())));
    }

    /** A report's file for the viewer; the download is recorded (and audited) with who took it. */
    @ActivateRequestContext
    public ReportFile download(Viewer viewer, long reportId, ReportFormat format) {
        ReportDetails v = get(viewer, reportId);
        return QuarkusTransaction.joiningExisting().call(() -> {
            ReportFile f = archive.file(reportId, format);
            if (f == null) {
                throw BusinessException.notFound("report.error.not-found", reportId);
            }
            archive.recordDownload(reportId, format, viewer.username(), viewer.isCustomer());
            audit.record(viewer.username(), "REPORT_DOWNLOADED", "ENERGY_REPORT", reportId, v.customerId(),
                    viewer.unitPath(), f.fileName(), null, null);
            return f;
        });
    }

    private static ReportDetails view(EnergyReport r, String accountNo, String name, ReportArchive.Extras extras) {
        Object[] d = extras.downloads().get(r.getId());
        return new ReportDetails(r.getId(), r.getCustomerId(), accountNo, name, r.getKind(), r.getPeriod(),
                r.getPeriodFrom(), r.getPeriodTo(), r.getIssue(), r.getLanguage(), r.getOrigin(), r.getGeneratedBy(),
                r.getGeneratedAt(), r.getTotalKwh(), r.getTotalYuan(), r.getSavingYuan(), r.getHealthScore(),
                extras.files().getOrDefault(r.getId(), List.of()), d == null ? 0 : (Long) d[0],
                d == null ? null : (OffsetDateTime) d[1], d == null ? null : (OffsetDateTime) d[2]);
    }
}
