package cn.keyaccount.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the notice channels at loopback servers for the whole test run: free ports for an SMTP server and an SMS
 * centre, which {@link LoopbackServers} starts on them (in the tests' class loader, where tests can read them).
 */
public class NoticeTestPorts implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            config = Map.of(
                    "keyaccount.notice.smpp.enabled", "true",
                    "keyaccount.notice.smpp.host", "127.0.0.1",
                    "keyaccount.notice.smpp.port", Integer.toString(freePort()),
                    "keyaccount.notice.email.enabled", "true",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(freePort()),
                    "quarkus.mailer.start-tls", "DISABLED");
        }
        return config;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the servers live as long as the test JVM
    }
}
