package cn.keyaccount.report;

/** The two native Office files of a report. */
public enum ReportFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String contentType;

    ReportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return name().toLowerCase();
    }
}
