package cn.keyaccount.notice;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * SMS over SMPP 3.4 with jSMPP: one transceiver bind to the operator's SMS centre, submit_sm in UCS-2 (data_coding
 * 0x08) with a concatenation header (UDH 05 00 03 ref total seq) for long texts, delivery receipts (deliver_sm)
 * stored and matched to the message by the message id the centre returned for the first part. A dropped link is
 * bound again on the next send, at most once per reconnect delay; the throughput limit spaces every submit_sm.
 */
@ApplicationScoped
class SmppChannel {

    private static final Logger LOG = Logger.getLogger(SmppChannel.class);
    /** Command statuses worth another try later: system error, queue full, throttled, temporary app error. */
    private static final List<Integer> TRANSIENT_STATUSES = List.of(0x08, 0x14, 0x58, 0x64);

    private final NoticeConfig.Smpp config;
    private final NoticeOutbox outbox;
    private final ThroughputLimiter limiter;
    private final AtomicInteger reference = new AtomicInteger();
    private volatile SMPPSession session;
    private long lastBindAttempt;
    /** Where customers' replies (mobile-originated deliver_sm) go: the replies store. */
    @Inject
    Instance<InboundSmsSink> replies;
    @Inject
    Clock clock;
    /** Why the link failed last (a bind refused, a submit that broke it); null once bound again. */
    private volatile String linkFailure;

    /**
     * The link's state for the metrics and the readiness report: disabled (the channel is off), idle (not bound yet:
     * the link is bound at the first send), bound, or down (the last bind failed or the link broke; bound again at the
     * next send after the reconnect delay).
     */
    enum LinkState { DISABLED, IDLE, BOUND, DOWN }

    @Inject
    SmppChannel(NoticeConfig config, NoticeOutbox outbox) {
        this(config, outbox, new ThroughputLimiter(config.smpp().maxPerSecond()));
    }

    /** With a throughput limit of its own (a test's second node that sends slowly). */
    SmppChannel(NoticeConfig config, NoticeOutbox outbox, ThroughputLimiter limiter) {
        this.config = config.smpp();
        this.outbox = outbox;
        this.limiter = limiter;
    }

    boolean enabled() {
        return config.enabled();
    }

    /** Whether the link to the SMS centre is bound now (for the notice centre's status line). */
    boolean bound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    LinkState linkState() {
        if (!enabled()) {
            return LinkState.DISABLED;
        }
        if (bound()) {
            return LinkState.BOUND;
        }
        return linkFailure == null ? LinkState.IDLE : LinkState.DOWN;
    }

    /**
     * Submits one SMS (all its parts); returns the centre's message id of the first part. The link is bound and the
     * throughput slot taken first; {@code gate} is opened right before the first submit_sm goes out, so that a node
     * dying while it waits for the link or its slot leaves no start mark.
     */
    String send(String mobile, String text, SubmitGate gate) throws SendFailure {
        if (!enabled()) {
            throw SendFailure.permanent("SMS channel disabled (keyaccount.notice.smpp.enabled=false)");
        }
        SMPPSession s = session();
        List<String> parts = SmsText.parts(text);
        byte ref = (byte) reference.incrementAndGet();
        String first = null;
        for (int i = 0; i < parts.size(); i++) {
            byte[] payload = parts.get(i).getBytes(StandardCharsets.UTF_16BE);
            ESMClass esm = new ESMClass();
            if (parts.size() > 1) {
                payload = ByteBuffer.allocate(6 + payload.length)
                        .put(new byte[] {0x05, 0x00, 0x03, ref, (byte) parts.size(), (byte) (i + 1)})
                        .put(payload).array();
                esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
            }
            limiter.acquire();
            if (i == 0) {
                gate.open();
            }
            try {
                String id = s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        config.sourceAddress(), TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, mobile, esm,
                        (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, payload).getMessageId();
                if (first == null) {
                    first = id;
                }
            } catch (NegativeResponseException e) {
                String status = String.format("0x%02X", e.getCommandStatus());
                if (i == 0 && TRANSIENT_STATUSES.contains(e.getCommandStatus())) {
                    throw SendFailure.retryable("SMSC refused submit_sm for now: " + status, e);
                }
                // once a part went out a retry would send the first parts twice: record the failure instead
                throw SendFailure.permanent("SMSC refused submit_sm: " + status + " (part " + (i + 1) + ")");
            } catch (ResponseTimeoutException e) {
                // written, but no answer in time: the centre may have it, and a resend could reach the handset twice;
                // the message waits as UNCERTAIN for its delivery receipt (or a scheduler's decision)
                linkFailure = "no answer to submit_sm within " + config.responseTimeout().toSeconds() + " s";
                drop(s);
                throw SendFailure.uncertain("SMSC did not answer submit_sm (part " + (i + 1) + " of " + parts.size()
                        + ") within " + config.responseTimeout().toSeconds() + " s; it may have it (its delivery "
                        + "receipt settles it)", e);
            } catch (IOException | PDUException | InvalidResponseException e) {
                if (i > 0) {
                    throw SendFailure.permanent("link failed after part " + i + " of " + parts.size() + ": " + e);
                }
                linkFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                drop(s);
                throw SendFailure.retryable("SMPP: " + linkFailure, e);
            }
        }
        return first;
    }

    private synchronized SMPPSession session() throws SendFailure {
        SMPPSession s = session;
        if (s != null && s.getSessionState().isBound()) {
            return s;
        }
        if (s != null) {
            s.close();
            session = null;
        }
        long now = System.currentTimeMillis();
        if (now - lastBindAttempt < config.reconnectDelay().toMillis()) {
            throw SendFailure.linkDown("SMSC link down; next bind attempt after the reconnect delay", null);
        }
        lastBindAttempt = now;
        // TCP_NODELAY: a submit_sm leaves the node when it is written, not when the centre has acknowledged the
        // previous segment (Nagle), so a node killed right after a submit has not taken it down with its send queue
        SMPPSession fresh = new SMPPSession((host, port) -> {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return new SocketConnection(socket);
        });
        fresh.setTransactionTimer(config.responseTimeout().toMillis());
        fresh.setEnquireLinkTimer((int) config.enquireLink().toMillis());
        fresh.setMessageReceiverListener(new Receipts());
        try {
            fresh.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX,
                    config.systemId(), config.password().orElse(""), config.systemType().orElse(""), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), config.responseTimeout().toMillis());
        } catch (IOException e) {
            fresh.close();
            if (linkFailure == null) {
                LOG.warnf("SMPP bind to %s:%d failed (the link is down until a bind succeeds): %s", config.host(),
                        config.port(), e.getMessage());
            }
            linkFailure = "bind to " + config.host() + ":" + config.port() + " failed: " + e.getMessage();
            throw SendFailure.linkDown("SMSC " + linkFailure, e);
        }
        LOG.infof("SMPP bound as transceiver to %s:%d", config.host(), config.port());
        linkFailure = null;
        session = fresh;
        return fresh;
    }

    private synchronized void drop(SMPPSession broken) {
        if (session == broken) {
            broken.close();
            session = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /** Unbinds from the SMS centre. */
    void close() {
        SMPPSession s = session;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    /**
     * The text of a mobile-originated deliver_sm: UCS-2 (data_coding 0x08), GBK (0x0F, as Chinese gateways send it)
     * or else the default alphabet, read as Latin-1 (digits and Latin letters, what keyword replies are); a user data
     * header (esm_class UDHI) is skipped.
     */
    static String moText(DeliverSm sm) {
        byte[] bytes = sm.getShortMessage() == null ? new byte[0] : sm.getShortMessage();
        if (GSMSpecificFeature.UDHI.containedIn(sm.getEsmClass()) && bytes.length > 0) {
            bytes = Arrays.copyOfRange(bytes, Math.min(bytes.length, (bytes[0] & 0xff) + 1), bytes.length);
        }
        Charset charset = switch (sm.getDataCoding() & 0x0f) {
            case 0x08 -> StandardCharsets.UTF_16BE;
            case 0x0f -> Charset.forName("GBK");
            default -> StandardCharsets.ISO_8859_1;
        };
        return new String(bytes, charset);
    }

    /**
     * deliver_sm from the centre: delivery receipts are stored and matched; a message a customer sent (esm_class
     * without the receipt type) goes to the replies store.
     */
    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                try {
                    replies.get().received(new InboundSms("smpp", deliverSm.getSourceAddr(),
                            deliverSm.getDestAddress(), moText(deliverSm), clock.instant()));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Reply from the SMSC not stored");
                    throw new ProcessRequestException("reply not stored", 0x08);
                }
                return;
            }
            try {
                DeliveryReceipt r = deliverSm.getShortMessageAsDeliveryReceipt();
                outbox.recordReceipt(r.getId(), deliverSm.getSourceAddr(),
                        r.getFinalStatus() == DeliveryReceiptState.DELIVRD,
                        String.valueOf(r.getFinalStatus()), r.getError(),
                        new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1));
            } catch (Exception e) {
                LOG.warnf(e, "Delivery receipt not recorded");
                throw new ProcessRequestException("receipt not recorded", 0x08);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // the centre tells a handset is reachable again: nothing to do, the centre retries itself
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x03);
        }
    }
}
