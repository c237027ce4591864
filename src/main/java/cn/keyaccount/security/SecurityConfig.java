package cn.keyaccount.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "keyaccount.security")
public interface SecurityConfig {

    /** Consecutive failed sign-ins after which the account is locked for {@link #lockDuration()}. */
    @WithDefault("5")
    int maxFailedLogins();

    @WithDefault("PT15M")
    Duration lockDuration();
}
