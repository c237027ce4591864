package cn.keyaccount.base.rest;

import static cn.keyaccount.demo.DemoDataGenerator.Login.ADMIN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No endpoint ships unchecked: every operation of the OpenAPI document (method + path template) has rows in
 * {@link ApiAccessMatrixTest}, one signed in and one anonymous. A new endpoint fails here until its rows are written.
 */
@QuarkusTest
class ApiCoverageTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** An operation of the document: its method and path template, as a pattern over concrete paths. */
    record Operation(String method, String template, List<Pattern> segments, int literals) {

        static Operation of(String method, String template) {
            List<Pattern> segments = new ArrayList<>();
            int literals = 0;
            for (String segment : segments(template)) {
                if (!segment.contains("{")) {
                    literals++;
                }
                segments.add(Pattern.compile(regex(segment)));
            }
            return new Operation(method.toUpperCase(Locale.ROOT), template, segments, literals);
        }

        boolean matches(String method, String path) {
            List<String> parts = segments(path);
            if (!this.method.equals(method) || parts.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (!segments.get(i).matcher(parts.get(i)).matches()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }

        /** A template segment ("{id}", "{token}.ics", "compliance.xlsx") as a regex; a variable matches any value. */
        private static String regex(String segment) {
            StringBuilder regex = new StringBuilder();
            int at = 0;
            while (at < segment.length()) {
                int open = segment.indexOf('{', at);
                if (open < 0) {
                    regex.append(Pattern.quote(segment.substring(at)));
                    break;
                }
                if (open > at) {
                    regex.append(Pattern.quote(segment.substring(at, open)));
                }
                regex.append("[^/]+");
                at = segment.indexOf('}', open) + 1;
            }
            return regex.toString();
        }

        private static List<String> segments(String path) {
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            return List.of(bare.replaceAll("^/+", "").split("/"));
        }
    }

    @Test
    void every_operation_of_the_openapi_document_has_a_signed_in_and_an_anonymous_row_in_the_access_matrix() {
        Map<String, Map<String, Object>> paths = Api.as(ADMIN).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((template, methods) -> methods.keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(Operation.of(method, template))));
        assertTrue(operations.size() > 50, "the document lists the API: " + operations.size() + " operations");

        Set<String> signedIn = new TreeSet<>();
        Set<String> anonymous = new TreeSet<>();
        for (ApiAccessMatrixTest.Row row : ApiAccessMatrixTest.rows()) {
            mostSpecific(operations, row.call().method(), row.call().path()).ifPresent(o ->
                    (row.login() == null ? anonymous : signedIn).add(o.toString()));
        }
        Set<String> missing = new TreeSet<>();
        for (Operation o : operations) {
            if (!signedIn.contains(o.toString())) {
                missing.add(o + "  (no signed-in row)");
            }
            if (!anonymous.contains(o.toString())) {
                missing.add(o + "  (no anonymous row)");
            }
        }
        assertTrue(missing.isEmpty(), "operations without rows in ApiAccessMatrixTest:\n" + String.join("\n", missing));
    }

    /** The operation a concrete path reaches: among the matching templates, the one with the most fixed segments. */
    private static Optional<Operation> mostSpecific(List<Operation> operations, String method, String path) {
        return operations.stream().filter(o -> o.matches(method, path))
                .max(Comparator.comparingInt(Operation::literals));
    }
}
