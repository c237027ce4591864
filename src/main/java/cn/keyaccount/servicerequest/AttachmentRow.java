package cn.keyaccount.servicerequest;

import java.time.OffsetDateTime;

/** A file attached to a request, without its bytes. */
public record AttachmentRow(long id, String fileName, String contentType, int sizeBytes, OffsetDateTime uploadedAt,
                            String uploadedBy) {
}
