package cn.keyaccount.application;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An application's documents: the checklist of its kind with what is uploaded, whether (when, by whom, which) the
 * missing ones were told to the customer, and the uploaded files.
 */
public record DocumentDetails(List<ChecklistItem> checklist, List<DocumentType> toldMissing, OffsetDateTime toldAt,
                              String toldBy, List<FileRow> files) {

    public record ChecklistItem(DocumentType type, int uploaded) {
    }

    public record FileRow(long id, DocumentType type, String fileName, String contentType, int sizeBytes,
                          String uploadedBy, OffsetDateTime uploadedAt) {
    }
}
