package cn.keyaccount.notice.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Two CMPP accounts beside the SMPP one, on loopback ports a {@link CmppPeer} is started on by the tests: "cmcc" and
 * "backup" both take the numbers starting 147 (the tests' CMPP handsets) and are tried first, the SMPP account takes
 * the rest, so that the other notice tests' numbers (139…) keep going over SMPP.
 */
public class CmppProfile implements QuarkusTestProfile {

    public static final String SP_ID = "901234";
    public static final String SECRET = "loopback-secret";
    public static final String SOURCE = "1065712345";
    public static final int PRIMARY = freePort();
    public static final int BACKUP = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>();
        c.put("keyaccount.sms.order", "cmcc,backup,default");
        account(c, "cmcc", PRIMARY, "3.0");
        account(c, "backup", BACKUP, "2.0");
        return c;
    }

    private static void account(Map<String, String> c, String name, int port, String version) {
        String p = "keyaccount.sms.providers." + name + ".";
        c.put(p + "host", "127.0.0.1");
        c.put(p + "port", Integer.toString(port));
        c.put(p + "version", version);
        c.put(p + "sp-id", SP_ID);
        c.put(p + "shared-secret", SECRET);
        c.put(p + "service-code", "MKA0012");
        c.put(p + "source-number", SOURCE);
        c.put(p + "window", "16");
        c.put(p + "max-per-second", "2000");
        c.put(p + "response-timeout", "PT2S");
        c.put(p + "prefixes", "147");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
