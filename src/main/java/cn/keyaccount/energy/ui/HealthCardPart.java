package cn.keyaccount.energy.ui;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.ui.CardFact;
import cn.keyaccount.customer.ui.CustomerCardPart;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.UI;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.OptionalInt;

/** The customer card's health score (用电健康体检), over the energy tab's default period; a click opens that tab. */
@ApplicationScoped
class HealthCardPart implements CustomerCardPart {

    private final EnergyService energy;

    HealthCardPart(EnergyService energy) {
        this.energy = energy;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<CardFact> facts(Viewer viewer, CustomerDetails customer) {
        OptionalInt score = energy.healthScore(viewer, customer.id());
        UI ui = UI.getCurrent();
        return List.of(CardFact.fact("card-health", ui.getTranslation("energy.card.health"), score.isPresent()
                ? ui.getTranslation("energy.card.score", score.getAsInt())
                : ui.getTranslation("energy.card.no-readings"), "energy.tab"));
    }
}
