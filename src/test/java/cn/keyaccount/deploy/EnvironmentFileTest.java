package cn.keyaccount.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/keyaccount.env lists every setting the code reads, and nothing the code no longer reads. */
class EnvironmentFileTest {

    private static final Pattern LISTED = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]+)=");

    @Test
    void the_environment_file_lists_every_setting_of_the_config_mappings_and_application_properties() throws IOException {
        String generated = EnvironmentFile.generate();
        if (Boolean.getBoolean("keyaccount.env.write")) {
            Files.writeString(EnvironmentFile.FILE, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(EnvironmentFile.FILE)
                ? Files.readString(EnvironmentFile.FILE, StandardCharsets.UTF_8) : "";
        Set<String> missing = listed(generated);
        missing.removeAll(listed(committed));
        Set<String> stale = listed(committed);
        stale.removeAll(listed(generated));
        assertTrue(missing.isEmpty() && stale.isEmpty(), EnvironmentFile.FILE + " is out of date: missing " + missing
                + ", no longer read " + stale + ". Regenerate it: ./mvnw -B -o test -Dtest=EnvironmentFileTest"
                + " -Dkeyaccount.env.write=true");
        assertEquals(generated, committed, EnvironmentFile.FILE + " differs from what the code reads (defaults or"
                + " descriptions). Regenerate it: ./mvnw -B -o test -Dtest=EnvironmentFileTest -Dkeyaccount.env.write=true");
    }

    @Test
    void the_generator_finds_nested_mapping_groups_short_variables_injected_properties_and_the_entry_point() {
        List<String> variables = EnvironmentFile.variables();
        assertTrue(variables.containsAll(List.of(
                "KEYACCOUNT_NOTICE_SMPP_WINDOW",          // a nested group of NoticeConfig, no short variable
                "KEYACCOUNT_SMPP_HOST",                   // the short variable application.properties reads
                "KEYACCOUNT_SECURITY_THROTTLE_TRACKED",   // a nested group, default only in the mapping
                "KEYACCOUNT_DEMO_ENERGY_CUSTOMERS",       // an @ConfigProperty of the demo generator
                "KEYACCOUNT_DB_PASSWORD",                 // the datasource, from application.properties
                "KEYACCOUNT_SESSION_KEY_FILE",            // read by the entry point itself
                "KEYACCOUNT_DATA_DIR")), variables.toString());
        assertTrue(!variables.contains("KEYACCOUNT_NOTICE_SMPP_HOST"),
                "a property with a short variable is listed once, under that variable");
    }

    private static Set<String> listed(String file) {
        Set<String> out = new TreeSet<>();
        Matcher m = LISTED.matcher(file);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
