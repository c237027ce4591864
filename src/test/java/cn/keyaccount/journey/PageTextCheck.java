package cn.keyaccount.journey;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every page of a demo user as that user sees it, once in Chinese and once in English, and lists what a user
 * should never read: an UPPER_SNAKE code or a bare enum name of ours (OUTAGE, PEAK), a missing-translation marker
 * ({@code !key}, Vaadin's {@code !{key}!}), or a page title (the browser tab and the header) in the other language.
 * The pages are the user's menu, the password change, and the main detail pages: a customer's page with each of its
 * tabs (staff), the first supply plan, the first outage and the first notice's messages of their lists where the
 * menu has them. Used by
 * {@link EveryPageReadsInOneLanguageTest} (test profile) and {@link ProductionSmokeTest} (the production jar).
 */
final class PageTextCheck {

    static final List<String> LANGUAGES = List.of("zh", "en");

    private static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");
    private static final Pattern MISSING_KEY = Pattern.compile("!\\{?[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+\\}?!?");
    private static final Pattern CAPS_WORD = Pattern.compile("\\b[A-Z]{2,}\\b");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    /** Capitals that are words of the trade, not codes: they read the same in both languages. */
    private static final Set<String> ACRONYMS = Set.of("SMS", "XLSX", "DOCX", "PDF", "CSV", "ICS", "KPI", "ID", "API",
            "REST", "OK", "AM", "PM", "UTC", "GB", "DL", "CN", "XLS", "URL", "SMPP", "SMTP", "PUE", "UPS", "II", "III", "IV");
    /** Language codes shown as codes ("ZH") are as raw as enum names. */
    private static final Set<String> CODES = Set.of("ZH", "EN");

    /** The names of our enums' constants that are whole capital words (OUTAGE, PEAK, ...), trade acronyms excepted. */
    static final Set<String> ENUM_NAMES = enumNames();

    private final Browser browser;
    private final String root;
    private final Path shots;
    final List<String> problems = new ArrayList<>();
    int pagesRead;
    /** More listeners on each new page (the production smoke adds its 404 and CSP checks), given the page's path. */
    BiConsumer<Page, Supplier<String>> onNewPage = (page, path) -> { };
    /** More checks on each page read (the production smoke checks that every Vaadin element is defined). */
    BiConsumer<Page, String> afterEachPage = (page, path) -> { };

    PageTextCheck(Browser browser, String root, Path shots) {
        this.browser = browser;
        this.root = root.endsWith("/") ? root : root + "/";
        this.shots = shots;
    }

    /** Read from the compiled main classes (target/classes) without initialising them. */
    private static Set<String> enumNames() {
        Set<String> names = new TreeSet<>(CODES);
        Path classes = Path.of("target", "classes");
        ClassLoader loader = PageTextCheck.class.getClassLoader();
        try (Stream<Path> files = Files.walk(classes.resolve("cn/keyaccount"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, loader);
                if (c.isEnum()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (f.isEnumConstant() && f.getName().matches("[A-Z]{2,}") && !ACRONYMS.contains(f.getName())) {
                            names.add(f.getName());
                        }
                    }
                }
            }
        } catch (IOException | ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Reading the enum names of target/classes failed", e);
        }
        return names;
    }

    /** Signs the user in, then reads each page in both languages; what is wrong lands in {@link #problems}. */
    void readEveryPage(Login login, String customerPath) {
        for (String language : LANGUAGES) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
                context.addCookies(List.of(new Cookie("ka-lang", language).setUrl(root)));
                Page page = context.newPage();
                page.setDefaultTimeout(30_000);
                String[] current = {"login"};
                page.onPageError(e -> problems.add(where(login, language, current[0]) + "script error "
                        + e.lines().findFirst().orElse(e)));
                onNewPage.accept(page, () -> where(login, language, current[0]));
                signIn(page, login);
                Set<String> paths = menuPaths(page);
                if (customerPath != null) {
                    paths.add(customerPath);
                }
                paths.add("change-password");
                for (String path : paths) {
                    current[0] = path;
                    open(page, path);
                    read(page, login, language, path);
                    if (path.startsWith("customers/")) {
                        readEachTab(page, login, language, path);
                    } else if (path.equals("plans")) {
                        openFirstRow(page, login, language, "plans → first plan");
                    } else if (path.equals("outages")) {
                        openFirstRow(page, login, language, "outages → first outage");
                    } else if (path.equals("notices")) {
                        openFirstRow(page, login, language, "notices → first notice's messages");
                    }
                }
            }
        }
    }

    private void signIn(Page page, Login login) {
        page.navigate(root + "login");
        page.locator("#username").fill(login.username);
        page.locator("#password").fill(login.password);
        page.locator("#login-submit").click();
        page.waitForURL(url -> !url.contains("/login"));
        page.locator("vaadin-side-nav-item").first().waitFor();
    }

    private static Set<String> menuPaths(Page page) {
        Set<String> paths = new LinkedHashSet<>();
        for (Object path : (List<?>) page.evaluate(
                "() => [...document.querySelectorAll('vaadin-side-nav-item')].map(i => i.getAttribute('path'))")) {
            paths.add(String.valueOf(path).replaceFirst("^/", ""));
        }
        return paths;
    }

    /** The first page loads whole; the next ones through Vaadin's router, as a click in the menu would. */
    private void open(Page page, String path) {
        if (page.url().startsWith(root) && !page.url().contains("/login")) {
            page.evaluate("p => { window.history.pushState(null, '', p); "
                    + "window.dispatchEvent(new PopStateEvent('popstate')); }", "/" + path);
        } else {
            page.navigate(root + path);
        }
        settle(page);
    }

    /** Waits until Vaadin has no request in flight, then a moment for grids to draw the rows they fetched. */
    private static void settle(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        page.waitForTimeout(250);
        page.waitForFunction("() => Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    private void readEachTab(Page page, Login login, String language, String path) {
        Locator tabs = page.locator("vaadin-tabsheet vaadin-tab");
        int count = tabs.count();
        for (int i = 1; i < count; i++) {
            Locator tab = tabs.nth(i);
            String name = tab.innerText().strip();
            tab.click();
            settle(page);
            read(page, login, language, path + " tab " + name);
        }
    }

    private void openFirstRow(Page page, Login login, String language, String what) {
        Locator firstRow = page.locator("vaadin-grid #items tr[part~='row'] td").first();
        if (firstRow.count() == 0 || !firstRow.isVisible()) {
            return;
        }
        firstRow.click();
        settle(page);
        read(page, login, language, what);
    }

    /** Checks the visible text, the field values and the titles of the page as it stands. */
    void read(Page page, Login login, String language, String path) {
        pagesRead++;
        String at = where(login, language, path);
        afterEachPage.accept(page, at);
        String text = (String) page.evaluate("() => document.body.innerText + '\\n' + [...document.querySelectorAll("
                + "'input, textarea')].map(i => (i.value || '') + ' ' + (i.placeholder || '')).join('\\n')");
        Matcher snake = UPPER_SNAKE.matcher(text);
        Set<String> found = new TreeSet<>();
        while (snake.find()) {
            found.add(snake.group());
        }
        Matcher caps = CAPS_WORD.matcher(text);
        while (caps.find()) {
            if (ENUM_NAMES.contains(caps.group())) {
                found.add(caps.group());
            }
        }
        if (!found.isEmpty()) {
            problems.add(at + "codes on the screen " + found + " in \"" + around(text, found.iterator().next()) + "\"");
        }
        Matcher missing = MISSING_KEY.matcher(text);
        if (missing.find()) {
            problems.add(at + "untranslated key " + missing.group());
        }
        String header = page.locator(".view-title").count() == 0 ? "" : page.locator(".view-title").first().innerText();
        for (String title : List.of(page.title(), header)) {
            if (!inLanguage(title, language)) {
                problems.add(at + "title not in " + language + ": \"" + title + "\"");
            }
        }
        if (shots != null) {
            try {
                Files.createDirectories(shots);
                page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(login.username + "-" + language
                        + "-" + path.replaceAll("[^A-Za-z0-9]", "_") + ".png")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A Chinese title has Chinese and no Latin word; an English one has no Chinese. */
    static boolean inLanguage(String title, String language) {
        if (title.isBlank()) {
            return true;
        }
        return "zh".equals(language) ? CJK.matcher(title).find() && !LATIN_WORD.matcher(title).find()
                : !CJK.matcher(title).find();
    }

    private static String around(String text, String code) {
        int i = Math.max(0, text.indexOf(code));
        return text.substring(Math.max(0, i - 40), Math.min(text.length(), i + code.length() + 40))
                .replaceAll("\\s+", " ");
    }

    private static String where(Login login, String language, String path) {
        return login.username + " [" + language + "] " + path + ": ";
    }
}
