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

    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                config = Map.of("quarkus.management.test-port", Integer.toString(s.getLocalPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return config;
    }

    @Override
    public void stop() {
        // the port stays the run's
    }
}
