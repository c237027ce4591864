package cn.keyaccount.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.FileUploadCallback;
import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import com.vaadin.flow.server.streams.TemporaryFileUploadHandler;

/**
 * The upload component's own words (drop here, add a file, its errors) in the user's language (Vaadin's are
 * English), and the bounds every import upload has: a file size the browser checks with a message and the server
 * enforces again. The limits per import are {@link #IMPORT_MAX_BYTES} and the energy dialog's own.
 */
public final class Uploads {

    /** Bills, payments, customers and maintenance plans: 32 MB, about 200,000 bill rows as CSV. */
    public static final long IMPORT_MAX_BYTES = 32L << 20;

    private Uploads() {
    }

    public static Upload localized(Upload upload) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t(upload, "upload.drop.one"))
                .setMany(t(upload, "upload.drop.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t(upload, "upload.add.one"))
                .setMany(t(upload, "upload.add.many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t(upload, "upload.error.too-many"))
                .setFileIsTooBig(t(upload, "upload.error.too-big"))
                .setIncorrectFileType(t(upload, "upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(upload, "upload.status.connecting"))
                        .setStalled(t(upload, "upload.status.stalled"))
                        .setProcessing(t(upload, "upload.status.processing"))
                        .setHeld(t(upload, "upload.status.held")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t(upload, "upload.error.server-unavailable"))
                        .setUnexpectedServerError(t(upload, "upload.error.unexpected"))
                        .setForbidden(t(upload, "upload.error.forbidden"))
                        .setFileTooLarge(t(upload, "upload.error.too-big"))));
        upload.setI18n(i18n);
        return upload;
    }

    /**
     * Bounds the upload's file size: the browser refuses a larger file before sending it, and the user is told the
     * file and the limit in MB (the server's body limit, {@code quarkus.http.limits.max-body-size}, is the backstop).
     */
    public static Upload limit(Upload upload, long maxBytes) {
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.addFileRejectedListener(e -> Notification.show(upload.getTranslation("upload.rejected",
                e.getFileName(), maxBytes >> 20, e.getErrorMessage()), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR));
        return upload;
    }

    /**
     * An in-memory upload handler the server itself bounds (the browser's check can be skipped by a crafted
     * request): a larger request is refused before it is read into memory.
     */
    public static InMemoryUploadHandler inMemory(InMemoryUploadCallback callback, long maxBytes) {
        return new InMemoryUploadHandler(callback) {
            @Override
            public long getFileSizeMax() {
                return maxBytes;
            }

            @Override
            public long getRequestSizeMax() {
                return maxBytes + REQUEST_OVERHEAD;
            }
        };
    }

    /** As {@link #inMemory(InMemoryUploadCallback, long)}, for a file kept on disk until the import has read it. */
    public static TemporaryFileUploadHandler toTempFile(FileUploadCallback callback, long maxBytes) {
        return new TemporaryFileUploadHandler(callback) {
            @Override
            public long getFileSizeMax() {
                return maxBytes;
            }

            @Override
            public long getRequestSizeMax() {
                return maxBytes + REQUEST_OVERHEAD;
            }
        };
    }

    /** Room for a multipart request's headers and boundaries around the file. */
    private static final long REQUEST_OVERHEAD = 64 * 1024;

    private static String t(Upload upload, String key) {
        return upload.getTranslation(key);
    }
}
