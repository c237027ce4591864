package cn.keyaccount.base.ui;

import cn.keyaccount.base.Messages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;

/**
 * The application frame: a navigation drawer built from the views' {@code @Menu} entries, showing only those the
 * signed-in user may open; the user with their password change, a language switch (中文 / English) and sign-out in
 * the header. Menu titles are translation keys.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver, HasDynamicTitle {

    private final H1 viewTitle = new H1();

    public MainLayout() {
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, new DrawerToggle(), viewTitle, header());
        viewTitle.addClassName("view-title");
        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        addToDrawer(brand, navigation());
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        VaadinRequest request = VaadinRequest.getCurrent();
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        for (MenuEntry entry : entries) {
            if (entry.menuClass() == null || request == null
                    || checker.hasAccess(entry.menuClass(), request.getUserPrincipal(), request::isUserInRole)) {
                SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
                if (entry.icon() != null) {
                    item.setPrefixComponent(new Icon(entry.icon()));
                }
                nav.addItem(item);
            }
        }
        return nav;
    }

    private HorizontalLayout header() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String user = request == null || request.getUserPrincipal() == null ? ""
                : request.getUserPrincipal().getName();
        Span who = new Span(user);
        who.addClassName("current-user");
        boolean english = "en".equals(UI.getCurrent().getLocale().getLanguage());
        Button language = new Button(english ? "中文" : "English", e -> switchLanguage(english ? "zh" : "en"));
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.setId("language-switch");
        // the user's own page: security/ui's change-password view (a route, so that base knows no feature)
        Anchor changePassword = new Anchor("change-password", getTranslation("nav.change-password"));
        changePassword.setId("change-password");
        Anchor logout = new Anchor("/logout", getTranslation("nav.logout"));
        logout.setRouterIgnore(true);
        logout.setId("logout");
        HorizontalLayout header = new HorizontalLayout(who, changePassword, language, logout);
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.addClassName("app-header");
        return header;
    }

    private static void switchLanguage(String language) {
        Cookie cookie = new Cookie(UiSetup.LANGUAGE_COOKIE, language);
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        VaadinService.getCurrentResponse().addCookie(cookie);
        Locale locale = "en".equals(language) ? Messages.ENGLISH : Messages.CHINESE;
        UI.getCurrent().getSession().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(titleOf(getContent()));
    }

    /** The browser tab's title: the same translated title as the header (Vaadin asks the layout after the view). */
    @Override
    public String getPageTitle() {
        String title = titleOf(getContent());
        return title.isEmpty() ? getTranslation("app.title") : title;
    }

    /** The view's translated @PageTitle key, else its menu title key (views may be CDI subclasses: look up). */
    private String titleOf(com.vaadin.flow.component.Component content) {
        if (content == null) {
            return "";
        }
        for (Class<?> c = content.getClass(); c != null; c = c.getSuperclass()) {
            com.vaadin.flow.router.PageTitle title = c.getAnnotation(com.vaadin.flow.router.PageTitle.class);
            if (title != null) {
                // a key (TranslationsTest insists); a text that is no key is shown as written rather than as "!text"
                String translated = getTranslation(title.value());
                return translated.startsWith("!") ? title.value() : translated;
            }
        }
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.menuClass() != null && entry.menuClass().isAssignableFrom(content.getClass())) {
                return getTranslation(entry.title());
            }
        }
        return "";
    }

    /** An empty state for lists: a short sentence where a grid would be empty. */
    public static Div emptyState(String text) {
        Div div = new Div(new Span(text));
        div.addClassName("empty-state");
        return div;
    }
}
