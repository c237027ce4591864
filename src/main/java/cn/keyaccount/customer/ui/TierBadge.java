package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.Tier;
import com.vaadin.flow.component.html.Span;

/** A customer's tier as a small coloured badge: A stands out, C is quiet. */
final class TierBadge {

    private TierBadge() {
    }

    static Span of(Tier tier) {
        Span badge = new Span(tier == null ? "-" : tier.name());
        badge.getElement().getThemeList().add("badge pill");
        if (tier == Tier.A) {
            badge.getElement().getThemeList().add("success primary");
        } else if (tier == Tier.C) {
            badge.getElement().getThemeList().add("contrast");
        }
        badge.addClassName("tier-badge");
        return badge;
    }
}
