package cn.keyaccount.base;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock of the application, in the company's zone ({@code keyaccount.zone}, default Asia/Shanghai: the
 * zone in which working days, quiet hours, notice lead times and billing periods are read). Services inject
 * {@link Clock} instead of reading the system clock, so that tests set the time ({@code support/TestClock}) instead of
 * depending on when they run; {@code clock.getZone()} is the company's zone.
 */
@ApplicationScoped
public class TimeSettings {

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "keyaccount.zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        return Clock.system(zone);
    }
}
