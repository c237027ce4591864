package cn.keyaccount.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A free loopback port for the management interface (the Prometheus metrics) for the whole test run, so that parallel
 * runs on one machine do not collide and {@code @TestHTTPResource(management = true)} knows where to ask.
 */
public class ManagementTestPort implements QuarkusTestResourceLifecycleManager {

    /** A JVM-wide property: each Quarkus restart loads this class anew, and the port must stay the run's. */
    private static final String PORT = "keyaccount.test.management-port";

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (System.getProperty(PORT) == null) {
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    System.setProperty(PORT, Integer.toString(s.getLocalPort()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Map.of("quarkus.management.test-port", System.getProperty(PORT));
        }
    }

    @Override
    public void stop() {
        // the port stays the run's
    }
}
