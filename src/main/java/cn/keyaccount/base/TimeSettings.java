package cn.keyaccount.base;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one clock of the application, in the company's zone ({@code keyaccount.zone}, default Asia/Shanghai: the
 * zone in which working days, quiet hours, notice lead times and billing periods are read). Services inject
 * {@link Clock} instead of reading the system clock, so that tests set the time ({@code support/TestClock}) instead of
 * depending on when they run; {@code clock.getZone()} is the company's zone.
 */
@ApplicationScoped
public class TimeSettings {

    private static final Logger LOG = Logger.getLogger(TimeSettings.class);
    /** Zone settings of single features from before {@code keyaccount.zone}; they now follow it. */
    private static final String[] OLD_ZONES = {"keyaccount.outage.zone", "keyaccount.notice.zone"};
    private static final String DEFAULT_ZONE = "Asia/Shanghai";

    /**
     * The company's zone for the few static display helpers that format a stored moment and have no Clock at hand
     * (report and plan formats, grid columns): the same {@code keyaccount.zone} as the clock.
     */
    public static ZoneId companyZone() {
        return ConfigProvider.getConfig().getOptionalValue("keyaccount.zone", ZoneId.class)
                .orElse(ZoneId.of(DEFAULT_ZONE));
    }

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "keyaccount.zone", defaultValue = "Asia/Shanghai") ZoneId zone, Config config) {
        for (String old : OLD_ZONES) {
            String raw = config.getConfigValue(old).getRawValue();
            if (raw != null && !raw.contains("keyaccount.zone")) {
                LOG.warnf("%s is deprecated: set keyaccount.zone (KEYACCOUNT_ZONE) instead; the company's zone is %s",
                        old, zone);
            }
        }
        return Clock.system(zone);
    }
}
