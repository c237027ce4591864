package cn.keyaccount.base.ui;

import cn.keyaccount.base.Messages;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell: Lumo plus our own small stylesheet (META-INF/resources/styles.css); no bundle rebuild needed. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        // the title until the first view names itself, in the language the user chose (Chinese unless English)
        settings.setPageTitle(Messages.get(UiSetup.languageOf(settings.getRequest()), "app.title"));
        // META-INF/resources/favicon.ico (the brand green with a bolt); browsers ask for /favicon.ico anyway
        settings.addFavIcon("icon", "favicon.ico", "32x32");
    }
}
