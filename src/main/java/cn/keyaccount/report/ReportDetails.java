package cn.keyaccount.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An issued report as lists show it: what it covers, who made it when, its headline figures, its files with their
 * SHA-256 checksums, and whether and when the customer downloaded it (downloads by the customer's own portal users).
 */
public record ReportDetails(long id, long customerId, String accountNo, String customerName, ReportKind kind,
                         String period, LocalDate periodFrom, LocalDate periodTo, int issue, String language,
                         ReportOrigin origin, String generatedBy, OffsetDateTime generatedAt, BigDecimal totalKwh,
                         BigDecimal totalYuan, BigDecimal savingYuan, int healthScore, List<FileInfo> files,
                         long customerDownloads, OffsetDateTime firstCustomerDownloadAt,
                         OffsetDateTime lastCustomerDownloadAt) {

    public record FileInfo(ReportFormat format, String fileName, int sizeBytes, String sha256) {
    }

    public boolean downloadedByCustomer() {
        return customerDownloads > 0;
    }
}
