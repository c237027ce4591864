package cn.keyaccount.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The browser check itself: what it must catch on a page (a code, a missing key, a title in the other language). */
class PageTextCheckTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static List<String> problemsOf(String html, String language) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
            Page page = browser.newPage();
            page.setContent(html);
            PageTextCheck check = new PageTextCheck(browser, "http://localhost/", null);
            check.read(page, Login.ADMIN, language, "sample");
            return check.problems;
        }
    }

    @Test
    void codes_missing_keys_and_a_title_in_the_other_language_are_caught() {
        List<String> problems = problemsOf("<html><head><title>客户 Customer</title></head><body>"
                + "<h1 class='view-title'>客户</h1><span>REPORT_DOWNLOADED</span> <span>OUTAGE</span> <span>PEAK</span> "
                + "<span>ZH</span> <span>!report.yuan</span></body></html>", "zh");
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("[OUTAGE, PEAK, REPORT_DOWNLOADED, ZH]"), problems.get(0));
        assertTrue(problems.get(1).contains("!report.yuan"), problems.get(1));
        assertTrue(problems.get(2).contains("title not in zh") && problems.get(2).contains("客户 Customer"),
                problems.get(2));
    }

    @Test
    void a_page_in_one_language_with_trade_acronyms_and_data_passes() {
        assertEquals(List.of(), problemsOf("<html><head><title>Customers</title></head><body>"
                + "<h1 class='view-title'>Customers</h1><span>SMS</span> <span>XLSX</span> <span>10kV 城关I线</span>"
                + "<span>23:00-07:00 Valley</span></body></html>", "en"));
        assertEquals(List.of(), problemsOf("<html><head><title>客户</title></head><body>"
                + "<h1 class='view-title'>客户</h1><span>短信通道未开启</span></body></html>", "zh"));
    }
}
