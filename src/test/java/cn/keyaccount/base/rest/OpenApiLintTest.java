package cn.keyaccount.base.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API as a client sees it: the generated OpenAPI document passes Redocly's recommended rules with no error
 * and no warning (run for real when the linter is installed — `.ci/run` installs it and sets
 * KEYACCOUNT_REDOCLY; required there), and the rules a client generator depends on are checked here in any case.
 */
@QuarkusTest
class OpenApiLintTest {

    private static final Path DOCUMENT = Path.of("target", "openapi.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static JsonNode api;

    /** Fetched once, when the first test runs (Quarkus is up only then). */
    @BeforeEach
    void fetch() throws IOException {
        if (api != null) {
            return;
        }
        String json = Api.as(Login.ADMIN).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Files.writeString(DOCUMENT, json, StandardCharsets.UTF_8);
        api = JsonMapper.builder().build().readTree(json);
    }

    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    ops.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
                }
            }
        }
        return ops;
    }

    @Test
    void every_operation_has_a_unique_operation_id_and_a_security_requirement() {
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode id = op.getValue().get("operationId");
            assertTrue(id != null && !id.asString().isBlank(), op.getKey() + " has no operationId");
            assertTrue(ids.add(id.asString()), op.getKey() + " repeats the operationId " + id.asString());
            assertTrue(op.getValue().has("security"), op.getKey() + " says nothing of its security");
        }
        assertTrue(ids.contains("customerList"), "CustomerResource.list is customerList: " + ids);
    }

    @Test
    void every_operation_documents_its_errors_in_the_one_error_format() {
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode responses = op.getValue().get("responses");
            boolean secured = !op.getValue().get("security").isEmpty();
            if (secured) {
                assertTrue(responses.has("401") && responses.has("403"), op.getKey() + ": " + responses);
            }
            if (op.getKey().contains("{")) {
                assertTrue(responses.has("404"), op.getKey() + " has an id in its path but no 404");
            }
            if (op.getValue().has("requestBody")) {
                assertTrue(responses.has("422"), op.getKey() + " takes a body but documents no 422");
            }
        }
        assertTrue(api.get("components").get("schemas").has("Error"));
    }

    @Test
    void no_two_paths_match_the_same_address() {
        List<String> paths = new ArrayList<>();
        api.get("paths").propertyNames().forEach(paths::add);
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                assertFalse(ambiguous(paths.get(i), paths.get(j)), paths.get(i) + " against " + paths.get(j));
            }
        }
    }

    /**
     * Two templates are ambiguous when both can match one address and neither is the more concrete: segment by
     * segment each pair is equal or one is a variable, and each has a literal where the other has a variable
     * ({@code /a/b/{id}} against {@code /a/{id}/c}). A literal against a variable alone is not: the literal wins.
     */
    private static boolean ambiguous(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        if (x.length != y.length) {
            return false;
        }
        boolean literalInA = false;
        boolean literalInB = false;
        for (int k = 0; k < x.length; k++) {
            boolean vx = x[k].startsWith("{");
            boolean vy = y[k].startsWith("{");
            if (!vx && !vy && !x[k].equals(y[k])) {
                return false;
            }
            literalInA |= !vx && vy;
            literalInB |= vx && !vy;
        }
        return literalInA && literalInB;
    }

    @Test
    void the_document_names_its_server_and_licence() {
        assertFalse(api.get("servers").isEmpty());
        JsonNode license = api.get("info").get("license");
        assertTrue(license != null && (license.has("identifier") || license.has("url")), "licence: " + license);
    }

    @Test
    void redocly_finds_no_error_and_no_warning() throws Exception {
        String redocly = System.getenv("KEYACCOUNT_REDOCLY");
        boolean required = System.getenv("KEYACCOUNT_E2E_REQUIRED") != null;
        if (redocly == null || !Files.isExecutable(Path.of(redocly))) {
            assertFalse(required, "KEYACCOUNT_REDOCLY must name the redocly command in CI");
            assumeTrue(false, "Redocly is not installed here (.ci/run installs it)");
        }
        Process lint = new ProcessBuilder(redocly, "lint", DOCUMENT.toAbsolutePath().toString(), "--format=summary")
                .redirectErrorStream(true).start();
        String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(120, TimeUnit.SECONDS), "the linter did not finish");
        assertEquals(0, lint.exitValue(), out);
        // the summary lists each rule with problems as "error <rule>: n" or "warning <rule>: n" (Node's own banner
        // about its version says "warning" too, not at the start of a line)
        assertTrue(out.contains("Your API description is valid")
                && out.lines().noneMatch(l -> l.startsWith("error") || l.startsWith("warning")), out);
    }
}
