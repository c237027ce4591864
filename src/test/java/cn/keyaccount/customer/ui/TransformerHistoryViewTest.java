package cn.keyaccount.customer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CreditCode;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.TransformerDraft;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.button.Button;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The transformers tab: suspensions and capacity changes shown per transformer and recorded in its dialog. */
@QuarkusTest
class TransformerHistoryViewTest extends BrowserlessQuarkusTest {

    @Inject
    CustomerService customers;
    @Inject
    TransformerService transformers;
    @Inject
    UserService users;

    @Test
    void a_supervisor_suspends_a_transformer_in_its_dialog_sees_a_too_short_period_marked_and_the_tab_shows_it() {
        signIn("supervisor", Role.SUPERVISOR_NAME);
        Viewer supervisor = users.viewer("supervisor");
        CustomerDraft d = customers.get(supervisor, customers.search(supervisor, CustomerSearch.all(), null, 0, 1)
                .getFirst().id()).toDraft();
        long serial = System.nanoTime() % 100_000_000L;
        d.setAccountNo(String.format("94%08d", serial));
        String first17 = String.format("91330300%09d", serial);
        d.setCreditCode(first17 + CreditCode.checkCharacter(first17));
        d.setName("变压器视图测试 " + serial);
        long id = customers.create(supervisor, d).id();
        TransformerDraft t = new TransformerDraft();
        t.setName("1#主变");
        t.setRatedKva(new BigDecimal("630"));
        t.setNoLoadLossKw(new BigDecimal("0.8"));
        t.setLoadLossKw(new BigDecimal("6.2"));
        transformers.add(supervisor, id, t);

        CustomerDetailView detail = open("customers/" + id, CustomerDetailView.class);
        detail.showTab("customer.tab.transformers");
        TransformersTab tab = $(TransformersTab.class).from(detail).single();
        assertEquals("—", test(tab.grid).getCellText(0, 4));
        Button history = (Button) test(tab.grid).getCellComponent(0, 6);
        test(history).click();
        TransformerHistoryDialog dialog = $(TransformerHistoryDialog.class).single();

        dialog.suspendFrom.setValue(LocalDate.of(2025, 7, 1));
        dialog.suspendTo.setValue(LocalDate.of(2025, 7, 5));
        dialog.suspendReason.setValue("淡季暂停");
        click($(Button.class).from(dialog).id("transformer-suspend"));
        assertTrue(dialog.suspendTo.isInvalid(), "a suspension under 15 days is marked at its last day");
        assertEquals(0, test(dialog.suspensions).size());

        dialog.suspendTo.setValue(LocalDate.of(2025, 9, 30));
        click($(Button.class).from(dialog).id("transformer-suspend"));
        assertEquals(1, test(dialog.suspensions).size());
        assertEquals("2025-07-01 至 2025-09-30", test(tab.grid).getCellText(0, 4));

        dialog.kva.setValue(new BigDecimal("400"));
        dialog.effective.setValue(LocalDate.of(2025, 11, 1));
        dialog.changeReason.setValue("减容");
        click($(Button.class).from(dialog).id("transformer-change-capacity"));
        assertEquals("减容", test(dialog.changes).getCellText(0, 1));
        assertEquals("2025-11-01 减容：630.0 → 400.0 kVA", test(tab.grid).getCellText(0, 5));
    }
}
