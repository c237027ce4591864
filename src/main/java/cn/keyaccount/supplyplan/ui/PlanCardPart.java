package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.ui.CardFact;
import cn.keyaccount.customer.ui.CustomerCardPart;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.OpenPlanTasks;
import cn.keyaccount.supplyplan.PlanTaskService;
import com.vaadin.flow.component.UI;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The customer card's open supply-plan tasks (with how many are overdue); a click opens the plans. */
@ApplicationScoped
class PlanCardPart implements CustomerCardPart {

    private final PlanTaskService tasks;
    private final Clock clock;

    PlanCardPart(Clock clock, PlanTaskService tasks) {
        this.clock = clock;
        this.tasks = tasks;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<CardFact> facts(Viewer viewer, CustomerDetails customer) {
        OpenPlanTasks open = tasks.openOf(viewer, customer.id(), LocalDate.now(clock));
        if (open.open() == 0) {
            return List.of();
        }
        UI ui = UI.getCurrent();
        return List.of(CardFact.openItemAt("card-open-plan-tasks", ui.getTranslation("plan.card.open-tasks"),
                open.overdue() == 0 ? String.valueOf(open.open())
                        : ui.getTranslation("plan.card.open-overdue", open.open(), open.overdue()), "plans"));
    }
}
