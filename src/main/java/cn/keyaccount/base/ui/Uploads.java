package cn.keyaccount.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload component's own words (drop here, add a file, its errors) in the user's language: Vaadin's are English. */
public final class Uploads {

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

    private static String t(Upload upload, String key) {
        return upload.getTranslation(key);
    }
}
