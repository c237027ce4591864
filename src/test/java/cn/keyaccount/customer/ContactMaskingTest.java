package cn.keyaccount.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E-mail addresses are personal data like mobiles: masked for whoever may not see the contact whole. */
@QuarkusTest
class ContactMaskingTest {

    @Inject
    CustomerService customers;

    @Inject
    ContactService contacts;

    @Inject
    UserService users;

    @Test
    void an_e_mail_address_keeps_its_first_letters_and_its_domain() {
        assertEquals("zh****@example.com", PersonalData.maskEmail("zhang.wei@example.com"));
        assertEquals("l****@qq.com", PersonalData.maskEmail("li@qq.com"));
        assertEquals(null, PersonalData.maskEmail(null));
        assertEquals("no-address", PersonalData.maskEmail("no-address"));
    }

    @Test
    void the_scheduler_sees_contacts_e_mail_addresses_masked_like_their_mobiles_and_the_manager_sees_them_whole() {
        Viewer manager = users.viewer("manager");
        Viewer scheduler = users.viewer("scheduler");
        long customer = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 50).stream()
                .filter(r -> !contacts.list(manager, r.id()).isEmpty()
                        && contacts.list(manager, r.id()).stream().anyMatch(c -> c.email() != null))
                .findFirst().orElseThrow().id();
        List<ContactDetails> whole = contacts.list(manager, customer);
        List<ContactDetails> seenByScheduler = contacts.list(scheduler, customer);
        assertEquals(whole.size(), seenByScheduler.size());
        for (int i = 0; i < whole.size(); i++) {
            ContactDetails full = whole.get(i);
            ContactDetails masked = seenByScheduler.get(i);
            if (full.email() != null) {
                assertTrue(full.email().contains("@") && !full.email().contains("****"), full.email());
                assertEquals(PersonalData.maskEmail(full.email()), masked.email());
                assertFalse(masked.email().equals(full.email()), "the scheduler must not see " + full.email());
            }
            if (full.mobile() != null) {
                assertEquals(PersonalData.maskMobile(full.mobile()), masked.mobile());
            }
        }
    }
}
