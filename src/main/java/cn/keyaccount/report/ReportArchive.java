package cn.keyaccount.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The archive of issued reports in PostgreSQL (see package-info for why the bytes live there). Callers hold the
 * transaction: a report's row and its files are written together or not at all.
 */
@ApplicationScoped
class ReportArchive {

    /** What a new issue records besides its files. */
    record NewIssue(long customerId, ReportKind kind, String period, LocalDate from, LocalDate to, String language,
                    ReportOrigin origin, String generatedBy, BigDecimal totalKwh, BigDecimal totalYuan,
                    BigDecimal savingYuan, int healthScore) {
    }

    record NewFile(ReportFormat format, String fileName, byte[] content, String sha256) {
    }

    private final EntityManager em;

    ReportArchive(EntityManager em) {
        this.em = em;
    }

    boolean exists(long customerId, ReportKind kind, String period) {
        return !em.createNativeQuery("select 1 from energy_report where customer_id = ?1 and kind = ?2 and period = ?3")
                .setParameter(1, customerId).setParameter(2, kind.name()).setParameter(3, period)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The issue number the next report of a customer, kind and period gets. */
    int nextIssue(long customerId, ReportKind kind, String period) {
        Number max = (Number) em.createNativeQuery("select coalesce(max(issue), 0) from energy_report "
                        + "where customer_id = ?1 and kind = ?2 and period = ?3").setParameter(1, customerId)
                .setParameter(2, kind.name()).setParameter(3, period).getSingleResult();
        return max.intValue() + 1;
    }

    /**
     * Stores a report as the given issue with its files, unless that issue exists already (another run, node or
     * person made it meanwhile): the new id, or null when nothing was stored.
     */
    Long store(NewIssue r, int issue, List<NewFile> files) {
        return insert(r, issue, files);
    }

    private Long insert(NewIssue r, int issue, List<NewFile> files) {
        List<?> ids = em.createNativeQuery("insert into energy_report (customer_id, kind, period, period_from, "
                        + "period_to, issue, language, origin, generated_by, total_kwh, total_yuan, saving_yuan, "
                        + "health_score) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                        + "on conflict (customer_id, kind, period, issue) do nothing returning id")
                .setParameter(1, r.customerId()).setParameter(2, r.kind().name()).setParameter(3, r.period())
                .setParameter(4, r.from()).setParameter(5, r.to()).setParameter(6, issue)
                .setParameter(7, r.language()).setParameter(8, r.origin().name()).setParameter(9, r.generatedBy())
                .setParameter(10, r.totalKwh()).setParameter(11, r.totalYuan()).setParameter(12, r.savingYuan())
                .setParameter(13, r.healthScore()).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        long id = ((Number) ids.getFirst()).longValue();
        for (NewFile f : files) {
            em.createNativeQuery("insert into energy_report_file (report_id, format, file_name, size_bytes, sha256, "
                            + "content) values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, id)
                    .setParameter(2, f.format().name()).setParameter(3, f.fileName())
                    .setParameter(4, f.content().length).setParameter(5, f.sha256()).setParameter(6, f.content())
                    .executeUpdate();
        }
        return id;
    }

    ReportFile file(long reportId, ReportFormat format) {
        List<?> rows = em.createNativeQuery("select file_name, content, sha256 from energy_report_file "
                + "where report_id = ?1 and format = ?2").setParameter(1, reportId).setParameter(2, format.name())
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.getFirst();
        return new ReportFile((String) r[0], format, (byte[]) r[1], ((String) r[2]).trim());
    }

    void recordDownload(long reportId, ReportFormat format, String username, boolean byCustomer) {
        em.createNativeQuery("insert into energy_report_download (report_id, format, username, by_customer) "
                        + "values (?1, ?2, ?3, ?4)").setParameter(1, reportId).setParameter(2, format.name())
                .setParameter(3, username).setParameter(4, byCustomer).executeUpdate();
    }

    /** Files and customer downloads of the given reports, for their views. */
    Extras extras(List<Long> reportIds) {
        Map<Long, List<ReportDetails.FileInfo>> files = new HashMap<>();
        Map<Long, Object[]> downloads = new HashMap<>();
        if (reportIds.isEmpty()) {
            return new Extras(files, downloads);
        }
        for (Object o : em.createNativeQuery("select report_id, format, file_name, size_bytes, sha256 "
                + "from energy_report_file where report_id = any(?1) order by report_id, format")
                .setParameter(1, reportIds.toArray(Long[]::new)).getResultList()) {
            Object[] r = (Object[]) o;
            files.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new ReportDetails.FileInfo(
                    ReportFormat.valueOf((String) r[1]), (String) r[2], ((Number) r[3]).intValue(),
                    ((String) r[4]).trim()));
        }
        for (Object o : em.createNativeQuery("select report_id, count(*), min(downloaded_at), max(downloaded_at) "
                        + "from energy_report_download where by_customer and report_id = any(?1) group by report_id")
                .setParameter(1, reportIds.toArray(Long[]::new)).getResultList()) {
            Object[] r = (Object[]) o;
            downloads.put(((Number) r[0]).longValue(), new Object[] {((Number) r[1]).longValue(), time(r[2]),
                    time(r[3])});
        }
        return new Extras(files, downloads);
    }

    record Extras(Map<Long, List<ReportDetails.FileInfo>> files, Map<Long, Object[]> downloads) {
    }

    static OffsetDateTime time(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime t -> t;
            case java.time.Instant i -> i.atOffset(ZoneOffset.UTC);
            case Timestamp ts -> ts.toInstant().atOffset(ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected time " + value.getClass());
        };
    }
}
