package cn.keyaccount.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every page of the packaged application in production mode, in a real headless Chromium: each demo user signs in
 * and opens every entry of their menu (and, for staff, a customer's page; for everyone, the password change); a script
 * error in the page, a missing frontend file or a Vaadin component the bundle does not define fails the test. It
 * guards what the tests in development mode cannot see: the committed production bundle splits its scripts per
 * route known when it was built, so a view added later renders without its grids, selects or password fields until
 * the bundle is rebuilt (docs/operations.md, "Frontend bundle").
 * Run by {@code .ci/production-smoke} against the production jar it starts
 * ({@code -Dsmoke.url=http://127.0.0.1:port/}); skipped without that URL.
 */
class ProductionSmokeTest {

    private static final Path SHOTS = Path.of("target", "smoke");

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
    void every_page_of_the_users_menu_opens_without_a_script_error(Login login) throws Exception {
        String root = System.getProperty("smoke.url");
        Assumptions.assumeTrue(root != null && !root.isBlank(), "-Dsmoke.url not given: production smoke skipped");
        Files.createDirectories(SHOTS);
        List<String> problems = new ArrayList<>();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
            page.setDefaultTimeout(30_000);
            String[] current = {"login"};
            page.onPageError(e -> problems.add(current[0] + ": " + e.lines().findFirst().orElse(e)));
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    problems.add(current[0] + ": " + m.text());
                }
            });
            page.onResponse(r -> {
                if (r.status() == 404 && r.url().contains("/VAADIN/")) {
                    problems.add(current[0] + ": 404 " + r.url());
                }
            });
            page.navigate(root + "login");
            page.locator("#username").fill(login.username);
            page.locator("#password").fill(login.password);
            page.locator("#login-submit").click();
            page.waitForURL(url -> !url.contains("/login"));
            page.locator("vaadin-side-nav-item").first().waitFor();
            Set<String> paths = new LinkedHashSet<>();
            for (Object path : (List<?>) page.evaluate(
                    "() => [...document.querySelectorAll('vaadin-side-nav-item')].map(i => i.getAttribute('path'))")) {
                paths.add(String.valueOf(path).replaceFirst("^/", ""));
            }
            if (login != Login.CUSTOMER) {
                paths.add("customers/" + firstCustomerId(root, login));
            }
            paths.add("change-password");
            assertTrue(paths.size() > 2, login + " has a menu: " + paths);
            for (String path : paths) {
                current[0] = path;
                page.navigate(root + path);
                page.waitForLoadState();
                page.waitForTimeout(1500);
                // every Vaadin element is defined (vaadin-grid-cell-content is only the grid's plain slot holder)
                Object undefined = page.evaluate("() => [...new Set([...document.querySelectorAll('*')]"
                        + ".map(e => e.localName).filter(n => n.startsWith('vaadin-') && !customElements.get(n)"
                        + " && n !== 'vaadin-grid-cell-content'))]");
                if (!((List<?>) undefined).isEmpty()) {
                    problems.add(path + ": components missing from the bundle, not drawn: " + undefined);
                }
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(SHOTS.resolve(login.username + "-" + path.replaceAll("[^A-Za-z0-9]", "_") + ".png")));
            }
        }
        assertTrue(problems.isEmpty(), login.username + ": " + String.join("\n", problems)
                + "\nA page of the production build failed; if a view was added or changed its components, rebuild "
                + "src/main/bundles/prod.bundle with Node 24 (docs/operations.md, \"Frontend bundle\").");
    }
}
