package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** KEYACCOUNT_LOG_JSON=true turns the console log into one JSON object per line (docs/monitoring.md). */
@QuarkusTest
@TestProfile(OperationsProfile.class)
class JsonLogsTest {

    /** The formatters of the console handlers behind the root logger (Quarkus wraps them in a delaying handler). */
    static List<Formatter> consoleFormatters() {
        List<Formatter> found = new ArrayList<>();
        List<Handler> handlers = new ArrayList<>(List.of(LogContext.getLogContext().getLogger("").getHandlers()));
        while (!handlers.isEmpty()) {
            Handler h = handlers.removeFirst();
            if (h instanceof org.jboss.logmanager.ExtHandler ext) {
                handlers.addAll(List.of(ext.getHandlers()));
            }
            if (h instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
                found.add(h.getFormatter());
            }
        }
        return found;
    }

    @Test
    void with_the_setting_on_the_console_writes_one_json_object_per_line() {
        List<Formatter> formatters = consoleFormatters();
        assertTrue(!formatters.isEmpty(), "a console handler");
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Report batch %s finished", JsonLogsTest.class.getName());
        record.setParameters(new Object[] {"2026-11"});
        record.setLoggerName("cn.keyaccount.report.MonthlyReportBatch");
        for (Formatter f : formatters) {
            String line = f.format(record).strip();
            assertEquals(1, line.lines().count(), line);
            JsonNode json = new ObjectMapper().readTree(line);
            assertEquals("WARNING", json.get("level").asString(), line);
            assertEquals("cn.keyaccount.report.MonthlyReportBatch", json.get("loggerName").asString(), line);
            assertTrue(json.get("message").asString().contains("Report batch"), line);
        }
    }
}
