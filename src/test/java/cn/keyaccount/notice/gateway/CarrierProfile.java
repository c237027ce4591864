package cn.keyaccount.notice.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * An SGIP account ("unicom") and an SMGP account ("telecom") beside the SMPP one, on loopback ports an {@link SgipPeer}
 * and an {@link SmgpPeer} are started on by the tests. Both take the tests' numbers starting 156 (unicom first, so
 * that telecom is where they fail over to); telecom alone takes those starting 189; the SMPP account takes the rest.
 */
public class CarrierProfile implements QuarkusTestProfile {

    public static final String SHARED_SECRET = "loopback-secret";
    public static final String SGIP_LOGIN = "sp30100";
    public static final String SMG_LOGIN = "smg10100";
    public static final String SMG_PASSWORD = "smg-loopback";
    public static final long NODE_ID = 3_0100_12345L;
    public static final String CLIENT_ID = "12345678";
    public static final String SGIP_SOURCE = "1065501234";
    public static final String SMGP_SOURCE = "1065901234";
    public static final int SGIP = CarrierPeer.freePort();
    public static final int SGIP_LISTEN = CarrierPeer.freePort();
    public static final int SMGP = CarrierPeer.freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>();
        c.put("keyaccount.sms.order", "unicom,telecom,default");
        String u = "keyaccount.sms.providers.unicom.";
        common(c, u, SGIP, SGIP_SOURCE, "156");
        c.put(u + "type", "sgip");
        c.put(u + "node-id", Long.toString(NODE_ID));
        c.put(u + "login-name", SGIP_LOGIN);
        c.put(u + "listen-port", Integer.toString(SGIP_LISTEN));
        c.put(u + "smg-login-name", SMG_LOGIN);
        c.put(u + "smg-password", SMG_PASSWORD);
        String t = "keyaccount.sms.providers.telecom.";
        common(c, t, SMGP, SMGP_SOURCE, "156,189");
        c.put(t + "type", "smgp");
        c.put(t + "client-id", CLIENT_ID);
        return c;
    }

    private static void common(Map<String, String> c, String p, int port, String source, String prefixes) {
        c.put(p + "host", "127.0.0.1");
        c.put(p + "port", Integer.toString(port));
        c.put(p + "shared-secret", SHARED_SECRET);
        c.put(p + "service-code", "MKA0012");
        c.put(p + "source-number", source);
        c.put(p + "window", "16");
        c.put(p + "max-per-second", "2000");
        // SMSGate holds a link back for as long as an answer was late beyond a quarter of this (a slow gateway), and a
        // submit that waits longer than this for the link goes to the next provider: long enough for a loaded machine
        c.put(p + "response-timeout", "PT5S");
        c.put(p + "prefixes", prefixes);
    }

    /** The SMG of the "unicom" account. */
    static SgipPeer sgip() {
        return new SgipPeer(SGIP, SGIP_LOGIN, SHARED_SECRET, SGIP_LISTEN, SMG_LOGIN, SMG_PASSWORD);
    }

    /** The SMGW of the "telecom" account. */
    static SmgpPeer smgp() {
        return new SmgpPeer(SMGP, CLIENT_ID, SHARED_SECRET);
    }
}
