package cn.keyaccount.servicerequest.repair.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.base.ui.Uploads;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.servicerequest.repair.PhotoFile;
import cn.keyaccount.servicerequest.repair.RepairDetails;
import cn.keyaccount.servicerequest.repair.RepairService;
import cn.keyaccount.servicerequest.repair.RepairStep;
import cn.keyaccount.servicerequest.repair.StepReport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One repair on the crew's phone (390 px wide is the design width): the customer, the call and whom to phone; the
 * steps with their times; a button per step still to come (at the time given, or now), the cause, and photos.
 */
@Route("crew/repair")
@PageTitle("repair.detail")
@RolesAllowed(Role.REPAIR_CREW_NAME)
class CrewRepairView extends VerticalLayout implements HasUrlParameter<Long>, ShowsFieldErrors {

    private final RepairService repairs;
    private final Viewer viewer;
    private final Clock clock;
    final DateTimePicker at = new DateTimePicker();
    final TextArea cause = new TextArea();
    final Div steps = new Div();
    final Div actions = new Div();
    final Div photos = new Div();
    RepairDetails repair;

    CrewRepairView(RepairService repairs, CurrentViewer currentViewer, Clock clock) {
        this.repairs = repairs;
        this.viewer = currentViewer.get();
        this.clock = clock;
        setPadding(true);
        getStyle().set("max-width", "40rem");
        at.setLabel(getTranslation("repair.at"));
        at.setHelperText(getTranslation("repair.at-help"));
        at.setId("repair-at");
        at.setWidthFull();
        cause.setLabel(getTranslation("repair.cause"));
        cause.setMaxLength(1000);
        cause.setId("repair-cause");
        cause.setWidthFull();
        steps.setId("repair-steps");
        actions.setId("repair-actions");
        actions.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("width", "100%");
        photos.setId("repair-photos");
        photos.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        Errors.showFieldErrorsWith(this, this);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        show(repairs.get(viewer, id == null ? 0 : id));
    }

    void show(RepairDetails r) {
        this.repair = r;
        removeAll();
        Button back = new Button(getTranslation("repair.back"), e -> getUI().ifPresent(ui ->
                ui.navigate(CrewRepairsView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div head = RepairUi.card();
        head.setId("repair-head");
        head.add(RepairUi.strong(r.customerName() + "（" + r.accountNo() + "）"),
                RepairUi.line(r.address() == null ? "" : r.address()), RepairUi.strong(r.subject()));
        if (r.description() != null) {
            head.add(RepairUi.line(r.description()));
        }
        head.add(RepairUi.line(getTranslation("request.area") + "：" + getTranslation("request.area." + r.area())));
        if (r.managerName() != null) {
            head.add(RepairUi.line(getTranslation("repair.manager") + "：" + r.managerName()));
            if (r.managerMobile() != null) {
                head.add(new Anchor("tel:" + r.managerMobile(), r.managerMobile()));
            }
        }
        head.add(RepairUi.line(getTranslation("repair.due", RepairUi.time(r.respondDueAt(), clock),
                RepairUi.time(r.resolveDueAt(), clock))));
        if (r.outageId() != null) {
            head.add(RepairUi.line(getTranslation("repair.outage-linked", r.outageId())));
        }
        steps.removeAll();
        for (RepairDetails.StepTime s : r.steps()) {
            steps.add(RepairUi.line("✓ " + getTranslation("repair.step." + s.step()) + "  "
                    + RepairUi.time(s.at(), clock)));
        }
        if (r.cause() != null) {
            steps.add(RepairUi.line(getTranslation("repair.cause") + "：" + r.cause()));
        }
        add(back, head, steps);
        actions.removeAll();
        if (!r.nextSteps().isEmpty()) {
            boolean first = true;
            for (RepairStep next : r.nextSteps()) {
                Button b = new Button(getTranslation("repair.do." + next), e -> report(next));
                b.setId("repair-do-" + next.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                b.setWidthFull();
                if (first) {
                    b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
                }
                first = false;
                actions.add(b);
            }
            add(at, cause, actions, upload());
        }
        photos.removeAll();
        for (RepairDetails.PhotoRow p : r.photos()) {
            Image img = new Image(photo(p.id()), getTranslation("repair.photo-of", getTranslation("repair.step."
                    + p.step())));
            img.setWidth("8rem");
            photos.add(img);
        }
        add(photos);
    }

    void report(RepairStep step) {
        OffsetDateTime when = at.getValue() == null ? null
                : at.getValue().atZone(clock.getZone()).toOffsetDateTime();
        show(repairs.report(viewer, repair.id(), new StepReport(step, when, cause.getValue(), repair.version())));
        at.clear();
        cause.clear();
    }

    private Upload upload() {
        UI ui = UI.getCurrent();
        Upload upload = new Upload();
        upload.setUploadHandler(Uploads.inMemory((meta, data) -> {
            try {
                repairs.addPhoto(viewer, repair.id(), data);
                ui.access(() -> show(repairs.get(viewer, repair.id())));
            } catch (RuntimeException e) { // a refusal (empty, type, size) is shown at the upload
                ui.access(() -> Errors.show(upload, e));
            }
        }, RepairService.MAX_PHOTO_BYTES));
        upload.setAcceptedFileTypes("image/jpeg", ".jpg", ".jpeg", "image/png", ".png", "image/webp", ".webp");
        Uploads.limit(upload, RepairService.MAX_PHOTO_BYTES);
        upload.setMaxFiles(1);
        upload.setId("repair-upload");
        upload.setWidthFull();
        Uploads.localized(upload);
        return upload;
    }

    private DownloadHandler photo(long photoId) {
        long repairId = repair.id();
        return DownloadHandler.fromInputStream(event -> {
            PhotoFile f = repairs.photo(viewer, repairId, photoId);
            return new DownloadResponse(new ByteArrayInputStream(f.content()), "photo-" + photoId, f.contentType(),
                    f.content().length);
        });
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("at", at, "cause", cause), "repair.field.");
    }
}
