package cn.keyaccount.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.security.UserService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every page of every demo user, in Chinese and in English, in one headless Chromium: no page shows a code
 * (UPPER_SNAKE or a bare enum name), a missing-translation marker or a title in the other language
 * ({@link PageTextCheck}). Screenshots go to target/languages/. Skipped without Chromium, unless
 * KEYACCOUNT_E2E_REQUIRED=1 (as in .ci/run).
 */
@QuarkusTest
class EveryPageReadsInOneLanguageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    CustomerService customers;

    @Inject
    UserService users;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("1".equals(System.getenv("KEYACCOUNT_E2E_REQUIRED"))) {
                throw new IllegalStateException("Chromium is required for the browser checks: apt-get install chromium");
            }
            Assumptions.abort("Chromium not installed (apt-get install chromium): browser checks skipped");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
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

    @ParameterizedTest
    @EnumSource(Login.class)
    void every_page_of_the_user_reads_in_the_chosen_language_without_codes_or_missing_keys(Login login) {
        // a customer and a repair crew have no customer list (the crew: only its own repairs)
        String customerPath = login == Login.CUSTOMER || login == Login.CREW ? null : "customers/" + customers.search(
                users.viewer(login.username), CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1).get(0).id();
        PageTextCheck check = new PageTextCheck(browser, root.toString(), Path.of("target", "languages"));
        check.readEveryPage(login, customerPath);
        System.out.println(login.username + ": " + check.pagesRead + " pages read, problems:\n"
                + String.join("\n", check.problems));
        assertTrue(check.pagesRead > (login == Login.CREW ? 0 : 4), login + ": pages read " + check.pagesRead);
        assertTrue(check.problems.isEmpty(), login.username + " (" + check.pagesRead + " pages read):\n"
                + String.join("\n", check.problems));
    }
}
