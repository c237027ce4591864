package cn.keyaccount.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repair crew's journey on a phone (390 × 844, real headless Chromium): it signs in, lands on its repairs and
 * opens the demo repair linked to a fault outage. Screenshots go to target/journeys/ (copied to docs/images/).
 */
@QuarkusTest
class CrewPhoneJourneyTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target", "journeys");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("1".equals(System.getenv("KEYACCOUNT_E2E_REQUIRED"))) {
                throw new IllegalStateException("Chromium is required for the browser journeys: apt-get install chromium");
            }
            Assumptions.abort("Chromium not installed (apt-get install chromium): browser journeys skipped");
        }
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
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

    private Page signIn(Login login, int width, int height) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height));
        page.setDefaultTimeout(30_000);
        page.navigate(root + "login");
        page.locator("#username").fill(login.username);
        page.locator("#password").fill(login.password);
        page.locator("#login-submit").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Test
    void a_crew_signs_in_on_a_phone_lands_on_its_repairs_and_opens_the_one_linked_to_a_fault() {
        Page page = signIn(Login.CREW, 390, 844);
        page.locator("#crew-repairs").waitFor();
        // the forward to the list updates the address after the list is drawn: wait for it (30 s at most)
        page.waitForURL("**/crew");
        assertTrue(page.url().endsWith("/crew"), "the crew's home is its list: " + page.url());
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("crew-repairs-390.png")));
        page.locator("#crew-repairs .repair-card").first().click();
        page.locator("#repair-actions").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("crew-repair-390.png")).setFullPage(true));
        assertTrue(page.content().contains("已出发") || page.content().contains("已派单"));
        double width = ((Number) page.evaluate("document.documentElement.scrollWidth")).doubleValue();
        assertTrue(width <= 390, "nothing wider than the phone: " + width);
        page.navigate(root + "customers");
        page.locator("#crew-repairs").waitFor();
        page.close();
    }

    @Test
    void a_supervisor_sees_the_crews_at_desktop_width() {
        Page page = signIn(Login.SUPERVISOR, 1280, 800);
        page.navigate(root + "repair-crews");
        page.locator("#crews").waitFor();
        page.getByText("城关抢修一班").first().waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("repair-crews.png")));
        page.close();
    }
}
