package cn.keyaccount.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
 * The journeys a person walks, in a real headless Chromium (Debian's /usr/bin/chromium): a manager signs in,
 * searches a customer and opens it; a customer user signs in and sees only their own account. Screenshots go to
 * target/journeys/. Without Chromium the test is skipped, unless KEYACCOUNT_E2E_REQUIRED=1 (as in .ci/run).
 */
@QuarkusTest
class BrowserJourneyTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target", "journeys");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    CustomerService customers;

    @Inject
    UserService users;

    @BeforeAll
    static void startBrowser() throws Exception {
        boolean required = "1".equals(System.getenv("KEYACCOUNT_E2E_REQUIRED"));
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException("Chromium is required for the browser journeys: apt-get install chromium");
            }
            Assumptions.abort("Chromium not installed (apt-get install chromium): browser journeys skipped");
        }
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
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

    /** What the browser refused to load or run because of the Content-Security-Policy header. */
    private final List<String> blocked = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void nothingWasBlockedByTheContentSecurityPolicy() {
        assertTrue(blocked.isEmpty(), "blocked by the Content-Security-Policy: " + blocked);
    }

    private Page signIn(Login login) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        page.setDefaultTimeout(30_000);
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                blocked.add(m.text());
            }
        });
        page.navigate(root + "login");
        page.locator("#username").fill(login.username);
        page.locator("#password").fill(login.password);
        page.locator("#login-submit").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Test
    void a_manager_signs_in_searches_a_customer_and_opens_it() {
        Viewer manager = users.viewer(Login.MANAGER.username);
        CustomerRow target = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1).get(0);

        Page page = signIn(Login.MANAGER);
        page.locator("#workbench-visits-today").waitFor(); // the home page is the manager's workbench
        page.navigate(root + "customers");
        page.locator("vaadin-grid").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("manager-customers.png")));

        page.locator("vaadin-text-field input").first().fill(target.accountNo());
        page.getByText(target.name()).first().waitFor();
        page.getByText(target.name()).first().click();
        page.waitForURL(url -> url.contains("/customers/" + target.id()));
        page.getByText(target.accountNo()).first().waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("manager-customer-detail.png")));
        assertTrue(page.content().contains(target.name()));
        page.close();
    }

    @Test
    void a_customer_signs_in_and_sees_only_their_own_accounts() {
        Viewer customer = users.viewer(Login.CUSTOMER.username);
        List<CustomerRow> own = customers.search(customer, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 10);
        CustomerRow someoneElse = customers.search(Viewer.system(), CustomerSearch.all(),
                new CustomerSearch.Order(CustomerSearch.SortBy.NAME, true), 0, 1).get(0);
        assertEquals(2, own.size());

        Page page = signIn(Login.CUSTOMER);
        page.locator("#workbench-bills").waitFor(); // the portal home is the customer's workbench
        page.navigate(root + "portal");
        page.locator("#portal-profile").getByText(own.get(0).accountNo()).waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("customer-portal.png")));
        String html = page.content();
        assertTrue(html.contains(own.get(0).accountNo()), "own account shown");
        assertTrue(!html.contains(someoneElse.accountNo()) || own.stream().anyMatch(r -> r.id() == someoneElse.id()),
                "another customer's account must not appear");

        page.navigate(root + "customers/" + someoneElse.id());
        page.waitForLoadState();
        assertTrue(!page.content().contains(someoneElse.name()), "another customer's page must not open");
        page.navigate(root + "portal");
        page.locator("#logout").click();
        page.waitForURL(url -> url.contains("/login"));
        page.navigate(root + "portal");
        page.waitForURL(url -> url.contains("/login"), new Page.WaitForURLOptions().setTimeout(30_000));
        page.close();
    }
}
