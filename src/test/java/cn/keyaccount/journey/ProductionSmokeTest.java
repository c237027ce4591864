package cn.keyaccount.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every page of the packaged application in production mode, in a real headless Chromium: each demo user signs in
 * and opens every entry of their menu, the password change and the main detail pages (for staff a customer's page with
 * each tab, the first supply plan and the first outage), in Chinese and in English ({@link PageTextCheck}). A script
 * error in the page, a missing frontend file, a Vaadin component the bundle does not define, a code on the screen
 * (UPPER_SNAKE, a bare enum name), a missing-translation marker or a title in the other language fails the test. It
 * guards what the tests in development mode cannot see: the committed production bundle splits its scripts per
 * route known when it was built, so a view added later renders without its grids, selects or password fields until
 * the bundle is rebuilt (docs/operations.md, "Frontend bundle").
 * Run by {@code .ci/production-smoke} against the production jar it starts
 * ({@code -Dsmoke.url=http://127.0.0.1:port/}); skipped without that URL. One browser serves every user.
 */
class ProductionSmokeTest {

    private static final Path SHOTS = Path.of("target", "smoke");

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        String root = System.getProperty("smoke.url");
        Assumptions.assumeTrue(root != null && !root.isBlank(), "-Dsmoke.url not given: production smoke skipped");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** The first customer the user sees, through the REST API (HTTP basic, as scripts use it). */
    private static String firstCustomerId(String root, Login login) throws Exception {
        String basic = Base64.getEncoder().encodeToString((login.username + ":" + login.password)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root
                        + "api/customers?size=1")).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\\{\"id\":(\\d+)").matcher(r.body());
        assertTrue(r.statusCode() == 200 && m.find(), "a customer for " + login + ": " + r.statusCode() + " " + r.body());
        return m.group(1);
    }

    @ParameterizedTest
    @EnumSource(Login.class)
    void every_page_of_the_user_opens_without_a_script_error_and_reads_in_the_chosen_language(Login login)
            throws Exception {
        String root = System.getProperty("smoke.url");
        PageTextCheck check = new PageTextCheck(browser, root, SHOTS);
        check.onNewPage = (page, where) -> {
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    check.problems.add(where.get() + m.text());
                }
            });
            page.onResponse(r -> {
                if (r.status() == 404 && r.url().contains("/VAADIN/")) {
                    check.problems.add(where.get() + "404 " + r.url());
                }
            });
        };
        // every Vaadin element is defined (vaadin-grid-cell-content is only the grid's plain slot holder)
        check.afterEachPage = (page, where) -> {
            Object undefined = page.evaluate("() => [...new Set([...document.querySelectorAll('*')]"
                    + ".map(e => e.localName).filter(n => n.startsWith('vaadin-') && !customElements.get(n)"
                    + " && n !== 'vaadin-grid-cell-content'))]");
            if (!((List<?>) undefined).isEmpty()) {
                check.problems.add(where + "components missing from the bundle, not drawn: " + undefined);
            }
        };
        // a customer and a repair crew have no customer list (the crew: only its own repairs)
        boolean noCustomers = login == Login.CUSTOMER || login == Login.CREW;
        check.readEveryPage(login, noCustomers ? null : "customers/" + firstCustomerId(root, login));
        assertTrue(check.pagesRead > (login == Login.CREW ? 0 : 4), login + ": pages read " + check.pagesRead);
        assertTrue(check.problems.isEmpty(), login.username + ": " + String.join("\n", check.problems)
                + "\nA page of the production build failed; if a view was added or changed its components, rebuild "
                + "src/main/bundles/prod.bundle with Node 24 (docs/operations.md, \"Frontend bundle\").");
    }
}
