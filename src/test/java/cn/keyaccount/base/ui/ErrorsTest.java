package cn.keyaccount.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException.FieldError;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.OptimisticLockException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The session-wide error handler, driven through the session's own handler as Vaadin does for a failing listener. */
@QuarkusTest
class ErrorsTest extends BrowserlessQuarkusTest {

    /** A form as the features write them: fields by the names the service uses, a save button inside. */
    static class NameForm extends VerticalLayout implements ShowsFieldErrors {
        final TextField name = new TextField();
        final Button save = new Button("save");

        NameForm() {
            add(name, save);
        }

        @Override
        public List<FieldError> showFieldErrors(List<FieldError> errors) {
            return FieldErrors.mark(errors, Map.of("name", name));
        }
    }

    private static Button failing(RuntimeException e) {
        return new Button("go", click -> {
            throw e;
        });
    }

    @Test
    void every_session_gets_the_one_error_handler() {
        assertSame(Errors.HANDLER, VaadinSession.getCurrent().getErrorHandler());
    }

    @Test
    void a_refusal_naming_a_field_is_shown_at_that_field_of_the_form_around_the_button_and_nowhere_else() {
        NameForm form = new NameForm();
        form.save.addClickListener(click -> {
            throw BusinessException.invalidFields(List.of(new FieldError("name", "error.too-long", 20)));
        });
        UI.getCurrent().add(form);

        click(form.save);

        assertTrue(form.name.isInvalid());
        assertEquals(Messages.get(Messages.CHINESE, "error.too-long", 20), form.name.getErrorMessage());
        assertEquals(List.of(), notifications(), "the marked field says it all");
    }

    @Test
    void the_save_button_in_a_dialogs_footer_finds_the_form_in_that_dialog() {
        NameForm form = new NameForm();
        Dialog dialog = new Dialog(form);
        Button save = failing(BusinessException.invalidFields(List.of(new FieldError("name", "error.required"))));
        dialog.getFooter().add(save);
        dialog.open();
        roundTrip();

        click(save);

        assertTrue(form.name.isInvalid());
        assertEquals(Messages.get(Messages.CHINESE, "error.required"), form.name.getErrorMessage());
    }

    @Test
    void a_refusal_without_fields_is_a_note_in_the_users_language() {
        Button go = failing(BusinessException.forbidden("error.forbidden"));
        UI.getCurrent().add(go);

        click(go);
        assertEquals(List.of(Messages.get(Messages.CHINESE, "error.forbidden")), notifications());

        UI.getCurrent().setLocale(Messages.ENGLISH);
        click(go);
        assertEquals(Messages.get(Messages.ENGLISH, "error.forbidden"), notifications().getLast());
    }

    @Test
    void a_field_error_that_no_form_shows_is_told_in_the_note() {
        Button go = failing(BusinessException.invalidFields(List.of(new FieldError("title", "error.required"))));
        UI.getCurrent().add(go);

        click(go);

        assertEquals(List.of(Messages.get(Messages.CHINESE, "error.validation") + " "
                + Messages.get(Messages.CHINESE, "error.required")), notifications());
    }

    @Test
    void a_version_conflict_offers_the_reload_registered_around_the_button() {
        AtomicInteger reloads = new AtomicInteger();
        VerticalLayout page = new VerticalLayout();
        Button save = failing(BusinessException.conflict("error.stale"));
        page.add(save);
        Errors.reloadOnConflict(page, reloads::incrementAndGet);
        UI.getCurrent().add(page);

        click(save);

        assertTrue(notifications().getFirst().startsWith(Messages.get(Messages.CHINESE, "error.stale")));
        test($(Button.class).id("reload-after-conflict")).click();
        assertEquals(1, reloads.get());
        assertEquals(List.of(), notifications(), "the note closes when the user reloads");
    }

    @Test
    void an_optimistic_lock_failure_that_escaped_the_service_is_told_as_a_version_conflict() {
        Button save = failing(new IllegalStateException("commit failed", new OptimisticLockException("row changed")));
        UI.getCurrent().add(save);

        click(save);

        assertEquals(List.of(Messages.get(Messages.CHINESE, "error.stale")), notifications());
    }

    @Test
    void an_unexpected_failure_shows_a_generic_note_with_a_reference_that_the_log_has_with_the_stack_trace() {
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(Errors.class.getName());
        log.addHandler(capture);
        try {
            Button go = failing(new IllegalStateException("internal detail: table xyz"));
            UI.getCurrent().add(go);

            click(go);
        } finally {
            log.removeHandler(capture);
        }

        String note = notifications().getFirst();
        assertFalse(note.contains("xyz"), "no internals on the screen: " + note);
        String reference = note.replaceAll("(?s).*?([0-9a-f]{8}).*", "$1");
        assertEquals(Messages.get(Messages.CHINESE, "error.unexpected-ui", reference), note);
        assertTrue(logged.stream().anyMatch(r -> r.getThrown() instanceof IllegalStateException
                && (r.getMessage().contains(reference) || Arrays.asList(r.getParameters()).contains(reference))),
                "the log has the reference and the stack trace");
    }
}
