package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationDetails;
import cn.keyaccount.application.ApplicationDocuments;
import cn.keyaccount.application.DocumentDetails;
import cn.keyaccount.application.DocumentType;
import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.Uploads;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An application's documents: the checklist of its kind (how many of each uploaded), the one-time notice of what is
 * missing (一次性告知: tick the missing ones, tell once), the uploaded files to download, and an upload (a checklist
 * type, PDF/JPEG/PNG, at most 10 MB). {@code reload} shows the application again after a change.
 */
class DocumentsPanel extends VerticalLayout {

    final CheckboxGroup<DocumentType> missing = new CheckboxGroup<>();
    final Button tell = new Button();
    final Select<String> language = new Select<>();
    final Select<DocumentType> type = new Select<>();
    final Grid<DocumentDetails.FileRow> files = new Grid<>();

    DocumentsPanel(ApplicationDocuments documents, Viewer viewer, ApplicationDetails a, Runnable reload) {
        setPadding(false);
        DocumentDetails d = documents.of(viewer, a.id());
        List<DocumentType> checklist = d.checklist().stream().map(DocumentDetails.ChecklistItem::type).toList();
        missing.setId("application-missing-documents");
        missing.setItems(checklist);
        missing.setItemLabelGenerator(t -> getTranslation("application.document." + t) + " ("
                + d.checklist().stream().filter(i -> i.type() == t).findFirst().orElseThrow().uploaded() + ")");
        if (d.toldAt() != null) {
            missing.setValue(java.util.Set.copyOf(d.toldMissing()));
            missing.setReadOnly(true);
            add(new Paragraph(getTranslation("application.documents-told", d.toldBy(),
                    d.toldAt().atZoneSameInstant(cn.keyaccount.base.TimeSettings.companyZone()).toLocalDate(),
                    d.toldMissing().stream().map(t -> getTranslation("application.document." + t))
                            .collect(Collectors.joining("、")))));
        }
        missing.setLabel(getTranslation("application.documents-checklist"));
        add(missing);
        if (a.runnable() && d.toldAt() == null) {
            tell.setText(getTranslation("application.documents-tell"));
            tell.setId("application-tell-missing");
            tell.addClickListener(e -> {
                documents.tellMissing(viewer, a.id(), List.copyOf(missing.getValue()), language.getValue(),
                        a.version());
                reload.run();
            });
            language.setItems("zh", "en");
            language.setItemLabelGenerator(l -> getTranslation("report.ui.language." + l));
            language.setValue("zh");
            language.setLabel(getTranslation("application.documents-language"));
            language.setId("application-notice-language");
            HorizontalLayout telling = new HorizontalLayout(language, tell);
            telling.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(telling);
        }
        files.setId("application-files");
        files.addColumn(f -> getTranslation("application.document." + f.type()))
                .setHeader(getTranslation("application.document")).setAutoWidth(true);
        files.addComponentColumn(f -> {
                    DownloadHandler file = event -> {
                        event.setFileName(f.fileName());
                        event.setContentType(f.contentType());
                        event.getOutputStream().write(documents.download(viewer, a.id(), f.id()).content());
                    };
                    return new Anchor(file, f.fileName());
                })
                .setHeader(getTranslation("application.file")).setFlexGrow(2);
        files.addColumn(f -> f.uploadedBy()).setHeader(getTranslation("application.uploaded-by")).setAutoWidth(true);
        files.setItems(d.files());
        files.setAllRowsVisible(true);
        files.setEmptyStateText(getTranslation("application.no-files"));
        add(files);
        if (a.status().open() && (a.runnable() || viewer.isCustomer())) {
            type.setItems(checklist);
            type.setItemLabelGenerator(t -> t == null ? "" : getTranslation("application.document." + t));
            type.setValue(checklist.getFirst());
            type.setLabel(getTranslation("application.document"));
            UI ui = UI.getCurrent();
            Upload upload = new Upload();
            upload.setUploadHandler(Uploads.inMemory((meta, data) -> {
                try {
                    documents.upload(viewer, a.id(), type.getValue(), meta.fileName(), data);
                    ui.access(reload::run);
                } catch (RuntimeException e) { // a refusal (empty, type, size) is shown at the upload
                    ui.access(() -> Errors.show(upload, e));
                }
            }, ApplicationDocuments.MAX_UPLOAD_BYTES));
            upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/jpeg", ".jpg", ".jpeg", "image/png",
                    ".png");
            Uploads.limit(upload, ApplicationDocuments.MAX_UPLOAD_BYTES);
            upload.setMaxFiles(1);
            upload.setId("application-upload");
            Uploads.localized(upload);
            HorizontalLayout bar = new HorizontalLayout(type, upload);
            bar.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(bar);
        }
    }
}
