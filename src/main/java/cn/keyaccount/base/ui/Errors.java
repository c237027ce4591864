package cn.keyaccount.base.ui;

import cn.keyaccount.base.BusinessException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import jakarta.persistence.OptimisticLockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * How the UI shows a failure, in one place. Views let a service's {@link BusinessException} fly; the session's error
 * handler ({@link #HANDLER}, installed for every session by {@code UiSetup}) shows it where it belongs:
 * <ul>
 *   <li>field errors at the fields of the nearest {@link ShowsFieldErrors} around the component whose event failed
 *   (or inside the same dialog); the errors no field shows, and refusals without fields, as an error note;</li>
 *   <li>a version conflict ({@code error.stale}, or an optimistic-lock failure) as a note with a reload button when a
 *   component around the source registered one with {@link #reloadOnConflict};</li>
 *   <li>anything else as a generic note with a reference that is also in the log with the stack trace.</li>
 * </ul>
 * Vaadin calls the handler for exceptions thrown by listeners on the UI thread. Work in a background thread routes
 * its failure here itself: {@code ui.access(() -> Errors.show(component, e))}.
 */
public final class Errors {

    /** The session-wide error handler: every exception a UI event listener throws ends here. */
    public static final ErrorHandler HANDLER = Errors::handle;

    private static final Logger LOG = Logger.getLogger(Errors.class);

    private Errors() {
    }

    private static void handle(ErrorEvent event) {
        Throwable error = DefaultErrorHandler.findRelevantThrowable(event.getThrowable());
        if (DefaultErrorHandler.SOCKET_EXCEPTIONS.contains(error.getClass().getName())) {
            LOG.debug("The browser went away", error);
            return;
        }
        show(event.getComponent().orElse(null), error);
    }

    /**
     * Shows a failure of an action started from {@code source} (may be null) to the current user; call it on the UI
     * thread (inside {@code ui.access} from a background thread).
     */
    public static void show(Component source, Throwable error) {
        UI ui = Optional.ofNullable(source).flatMap(Component::getUI).orElseGet(UI::getCurrent);
        BusinessException business = cause(error, BusinessException.class);
        boolean stale = cause(error, OptimisticLockException.class) != null
                || cause(error, StaleStateException.class) != null;
        if (business != null && !"error.stale".equals(business.key())) {
            refused(ui, source, business);
        } else if (business != null || stale) {
            conflict(ui, source);
        } else {
            unexpected(ui, error);
        }
    }

    /**
     * Offers {@code reload} (e.g. read the record again, or close the dialog and refresh the list) when an action
     * started inside {@code scope} fails on a version conflict.
     */
    public static void reloadOnConflict(Component scope, SerializableRunnable reload) {
        ComponentUtil.setData(scope, ConflictReload.class, new ConflictReload(reload));
    }

    /**
     * Shows the failures of actions inside {@code dialog} as if they came from {@code opener}: at the opener's form,
     * with its reload (e.g. a confirmation dialog opened by a form's button).
     */
    public static void openedFrom(Component dialog, Component opener) {
        ComponentUtil.setData(dialog, Opener.class, new Opener(opener));
    }

    /**
     * Lets a dialog or panel that is no form class of its own show the field errors of actions inside it, e.g.
     * {@code Errors.showFieldErrorsWith(dialog, errors -> FieldErrors.mark(errors, Map.of("password", password)))}.
     */
    public static void showFieldErrorsWith(Component scope, ShowsFieldErrors fields) {
        ComponentUtil.setData(scope, ShowsFieldErrors.class, fields);
    }

    private static void refused(UI ui, Component source, BusinessException e) {
        if (ui == null) {
            LOG.debugf("Refused outside a UI: %s", e.key());
            return;
        }
        List<BusinessException.FieldError> unplaced = e.fieldErrors();
        Optional<ShowsFieldErrors> form = unplaced.isEmpty() ? Optional.empty() : formAround(source);
        if (form.isPresent()) {
            unplaced = form.get().showFieldErrors(unplaced);
            if (unplaced.isEmpty()) {
                return;
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(ui.getTranslation(e.key(), e.args()));
        unplaced.forEach(f -> parts.add(ui.getTranslation(f.key(), f.args())));
        error(String.join(" ", parts));
    }

    private static void conflict(UI ui, Component source) {
        if (ui == null) {
            return;
        }
        String text = ui.getTranslation("error.stale");
        Optional<ConflictReload> reload = ancestors(source)
                .map(c -> ComponentUtil.getData(c, ConflictReload.class)).filter(r -> r != null).findFirst();
        if (reload.isEmpty()) {
            error(text);
            return;
        }
        Notification note = new Notification();
        note.addThemeVariants(NotificationVariant.LUMO_WARNING);
        Button button = new Button(ui.getTranslation("common.reload"), click -> {
            note.close();
            reload.get().action().run();
        });
        button.setId("reload-after-conflict");
        note.add(new HorizontalLayout(new Span(text), button));
        note.setDuration(0);
        note.setPosition(Notification.Position.MIDDLE);
        note.open();
    }

    private static void unexpected(UI ui, Throwable error) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(error, "Unexpected error in the UI, reference %s", reference);
        if (ui != null) {
            error(ui.getTranslation("error.unexpected-ui", reference));
        }
    }

    private static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** The nearest form around the source; from inside a dialog (e.g. its footer's save button), the dialog's form. */
    private static Optional<ShowsFieldErrors> formAround(Component source) {
        for (Component c : ancestors(source).toList()) {
            if (c instanceof ShowsFieldErrors form) {
                return Optional.of(form);
            }
            ShowsFieldErrors registered = ComponentUtil.getData(c, ShowsFieldErrors.class);
            if (registered != null) {
                return Optional.of(registered);
            }
            if (c instanceof Dialog) {
                return descendants(c).filter(ShowsFieldErrors.class::isInstance).map(ShowsFieldErrors.class::cast)
                        .findFirst();
            }
        }
        return Optional.empty();
    }

    private static Stream<Component> ancestors(Component source) {
        return Stream.iterate(source, c -> c != null, c -> {
            Opener opener = ComponentUtil.getData(c, Opener.class);
            return opener != null ? opener.component() : c.getParent().orElse(null);
        });
    }

    private static Stream<Component> descendants(Component c) {
        return c.getChildren().flatMap(child -> Stream.concat(Stream.of(child), descendants(child)));
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private record Opener(Component component) implements java.io.Serializable {
    }

    private record ConflictReload(SerializableRunnable action) implements java.io.Serializable {
    }
}
