package cn.keyaccount.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The feed link's address comes from the setting alone; without one there is no link, and a bad one stops the start. */
class VisitFeedAddressTest {

    private static Optional<String> url(String configured) {
        return new VisitFeed(null, null, null, null, Optional.ofNullable(configured)).url("abc");
    }

    @Test
    void without_a_configured_public_address_there_is_no_link() {
        assertEquals(Optional.empty(), url(null));
        assertEquals(Optional.empty(), url("  "));
    }

    @Test
    void the_link_is_the_configured_address_with_its_path_and_without_a_trailing_slash() {
        assertEquals(Optional.of("https://keyaccount.example.cn/api/visit-feed/abc.ics"),
                url("https://keyaccount.example.cn/"));
        assertEquals(Optional.of("https://example.cn/ka/api/visit-feed/abc.ics"), url("https://example.cn/ka"));
    }

    @Test
    void an_address_that_is_not_an_absolute_http_url_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> url("keyaccount.example.cn"));
        assertThrows(IllegalArgumentException.class, () -> url("javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> url("https://example.cn/?next=evil"));
    }
}
