package cn.keyaccount.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.eclipse.microprofile.config.ConfigProvider;

/** The SMTP server (GreenMail) and SMS centre (jSMPP) the notice tests talk to, started once on loopback. */
public final class LoopbackServers {

    private static GreenMail mail;
    private static RecordingSmsc smsc;

    private LoopbackServers() {
    }

    public static synchronized GreenMail mail() {
        if (mail == null) {
            int port = ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class);
            mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
        }
        return mail;
    }

    public static synchronized RecordingSmsc smsc() {
        if (smsc == null) {
            smsc = RecordingSmsc.start(ConfigProvider.getConfig().getValue("keyaccount.notice.smpp.port",
                    Integer.class));
        }
        return smsc;
    }

    /** Both servers up. */
    public static void start() {
        mail();
        smsc();
    }
}
