package cn.keyaccount.customer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.portrait.PortraitComputation;
import cn.keyaccount.portrait.TagCount;
import cn.keyaccount.portrait.TagLists;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerGroupFilterTest extends BrowserlessQuarkusTest {

    @Inject
    PortraitComputation computation;
    @Inject
    TagLists tags;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    @Test
    void the_customer_list_opened_with_a_tag_shows_that_tags_customers_and_offers_segment_and_tag_filters() {
        computation.recomputeAll();
        TagCount tag = tags.counts(users.viewer("supervisor")).getFirst();
        signIn("supervisor", Role.SUPERVISOR_NAME);
        UI.getCurrent().navigate("customers", QueryParameters.of("tag", tag.code()));
        roundTrip();
        CustomerListView view = $(CustomerListView.class).single();
        assertEquals(2, view.groupFilters.boxes().size(), "segment and tag filters");
        var box = view.groupFilters.boxes().stream().filter(b -> b.getId().orElse("").equals("customer-filter-tag"))
                .findFirst().orElseThrow();
        assertEquals(tag.code(), box.getValue() == null ? null : box.getValue().value(),
                "the tag from the address is chosen");
        long expected = customers.count(users.viewer("supervisor"), CustomerSearch.all().withGroup("tag", tag.code()));
        assertEquals(tag.customers(), expected);
        assertEquals(expected, test(view.grid).size());
        assertTrue(box.getValue().label().contains("（"), "label with the count");
    }
}
