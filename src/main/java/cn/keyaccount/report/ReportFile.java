package cn.keyaccount.report;

/** A report file to hand out: its name, type and bytes. */
public record ReportFile(String fileName, ReportFormat format, byte[] content, String sha256) {
}
