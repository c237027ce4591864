package cn.keyaccount.demo;

import cn.keyaccount.portrait.PortraitComputation;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Computes the demo's customer portraits once its interval data is written, so that every demo customer with
 * readings has one from the first start (the monthly job keeps them current after that).
 */
@ApplicationScoped
class DemoPortraits {

    private final DemoDatabase demo;
    private final PortraitComputation portraits;

    DemoPortraits(DemoDatabase demo, PortraitComputation portraits) {
        this.demo = demo;
        this.portraits = portraits;
    }

    /** Runs after the demo's interval data (DemoEnergy, APPLICATION + 700). */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 800) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (enabled) {
            demo.step(() -> !portraits.computed(), portraits::recomputeAll);
        }
    }
}
