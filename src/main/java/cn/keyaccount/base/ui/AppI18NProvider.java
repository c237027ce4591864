package cn.keyaccount.base.ui;

import cn.keyaccount.base.Messages;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.quarkus.annotation.VaadinServiceEnabled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Vaadin's translations: Simplified Chinese first (the default), English second. Vaadin's Quarkus instantiator only
 * takes an I18NProvider bean marked {@code @VaadinServiceEnabled}; without it Vaadin shows "!{key}!".
 */
@ApplicationScoped
@VaadinServiceEnabled
public class AppI18NProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.get(locale, key, params);
    }
}
