package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.logging.Formatter;
import org.junit.jupiter.api.Test;

/** Without KEYACCOUNT_LOG_JSON the console log stays the plain text a person reads (JSON is an option). */
@QuarkusTest
class PlainLogsByDefaultTest {

    @Test
    void the_console_log_is_plain_text_unless_json_is_switched_on() {
        List<Formatter> formatters = JsonLogsTest.consoleFormatters();
        assertTrue(!formatters.isEmpty(), "a console handler");
        for (Formatter f : formatters) {
            assertFalse(f.getClass().getName().toLowerCase().contains("json"), f.getClass().getName());
        }
    }
}
