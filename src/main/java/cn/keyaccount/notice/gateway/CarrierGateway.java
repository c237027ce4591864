package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.DeliveryReports;
import cn.keyaccount.notice.InboundSms;
import cn.keyaccount.notice.InboundSmsSink;
import cn.keyaccount.notice.SendFailure;
import cn.keyaccount.notice.SmsText;
import cn.keyaccount.notice.SubmitGate;
import com.chinamobile.cmos.sms.SmsAlphabet;
import com.chinamobile.cmos.sms.SmsMessage;
import com.chinamobile.cmos.sms.SmsMsgClass;
import com.chinamobile.cmos.sms.SmsTextMessage;
import com.zx.sms.BaseMessage;
import com.zx.sms.common.GlobalConstance;
import com.zx.sms.common.util.ChannelUtil;
import com.zx.sms.connect.manager.EndpointConnector;
import com.zx.sms.connect.manager.EndpointEntity;
import com.zx.sms.connect.manager.EndpointManager;
import com.zx.sms.handler.api.AbstractBusinessHandler;
import com.zx.sms.handler.api.BusinessHandlerInterface;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Promise;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One account at a mainland carrier's gateway over Lihuanghe's SMSGate, whatever the protocol (CMPP, SGIP, SMGP: the
 * subclasses say how a submit, its answer, a status report and a customer's message look): one connection, logged in
 * and connected again every second while it is down (the library's connection check). Texts go out in UCS-2, split by
 * the library into parts of 67 characters with the concatenation header (TP_udhi=1, 05 00 03 ref total seq); each part
 * asks for a status report, which is matched to the message by the gateway's id of the first part. Status reports are
 * stored before they are answered (a report not stored is refused and comes again); messages customers send (merged
 * when long) go to the {@link InboundSmsSink}.
 *
 * <p>The library never submits anything twice here: its own resend of unanswered submits is off (maxRetryCnt 0, no
 * persistent resend store). A submit without an answer within the response timeout, or on a link that broke before
 * the answer, is UNCERTAIN for the dispatcher (settled by its status report); a link that is down before anything was
 * written is LINK_DOWN, which lets the next provider take the message.
 */
abstract class CarrierGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(CarrierGateway.class);

    /** A gateway's answer to one submitted part: its result code, and its id for the part when it took it. */
    record SubmitAnswer(long code, String gatewayId) {
    }

    /** A status report as the protocol carries it: the id of the part it is about, the handset, the outcome. */
    record Report(String gatewayId, String mobile, boolean delivered, String status, String errorCode, String raw) {
    }

    /** A customer's message (merged when long): who sent it, to which of our numbers (with the extension). */
    record Reply(String fromMobile, String toNumber, String text) {
    }

    private final String name;
    private final String family;
    final SmsConfig.Provider config;
    private final int port;
    private final EndpointEntity entity;
    private final Semaphore window;
    private final DeliveryReports reports;
    private final InboundSmsSink inbound;
    private final Clock clock;
    private final ExecutorService receiptWriter;
    private final Deliveries deliveries = new Deliveries();
    private volatile boolean opened;

    /**
     * @param family  CMPP, SGIP or SMGP: in the errors the notice centre explains and the result codes' meanings
     * @param entity  the library's client endpoint with the protocol's credentials; the common settings are set here
     */
    CarrierGateway(String name, String family, SmsConfig.Provider config, int defaultPort, EndpointEntity entity,
                   DeliveryReports reports, InboundSmsSink inbound, Clock clock) {
        this.name = name;
        this.family = family;
        this.config = config;
        this.port = config.port().orElse(defaultPort);
        this.reports = reports;
        this.inbound = inbound;
        this.clock = clock;
        this.window = new Semaphore(Math.max(1, config.window()), true);
        this.receiptWriter = Executors.newFixedThreadPool(2,
                Thread.ofPlatform().name(family.toLowerCase(Locale.ROOT) + "-" + name + "-reports-", 0).daemon().factory());
        this.entity = entity;
        entity.setId("keyaccount-sms-" + name);
        entity.setHost(config.host());
        entity.setPort(port);
        entity.setMaxChannels((short) 1);
        // the library's window counts parts; ours (the semaphore) counts messages of up to MAX_SEGMENTS parts
        entity.setWindow(Math.max(1, config.window()) * SmsText.MAX_SEGMENTS);
        entity.setWriteLimit(Math.max(1, config.maxPerSecond()));
        entity.setRetryWaitTimeSec((short) Math.max(1, config.responseTimeout().toSeconds()));
        // never submitted twice by the library: no resend of unanswered submits, no resend store
        entity.setMaxRetryCnt((short) 0);
        entity.setReSendFailMsg(false);
        entity.setCloseWhenRetryFailed(false);
        entity.setBusinessHandlerSet(handlers());
    }

    /** The request of one SMS to the handset (national number), its content still whole (the library splits it). */
    abstract BaseMessage submit(String mobile, SmsMessage content);

    /** The answer to a submitted part; null when the message is no submit answer. */
    abstract SubmitAnswer judge(BaseMessage answer);

    /** A final status report; null when the message is none (or a report that settles nothing yet). */
    abstract Report report(Object msg);

    /** A customer's message as it arrives whole at the end of the pipeline; null when the message is none. */
    abstract Reply reply(Object msg);

    /** The answer to a deliver or report with this result code; null when the message needs no answer from us. */
    abstract Object acknowledgement(Object msg, int result);

    /** The result code that refuses a status report we could not store, so that the gateway sends it again. */
    abstract int notStored();

    /** Endpoints the account opens beside its client link (SGIP: where the gateway connects back to deliver). */
    List<EndpointEntity> listeners() {
        return List.of();
    }

    /** The handlers that store reports and replies, for the client link and any endpoint the gateway connects to. */
    final List<BusinessHandlerInterface> handlers() {
        return List.of(deliveries);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean takes(String mobile) {
        return config.prefixes().map(p -> p.stream().anyMatch(national(mobile)::startsWith)).orElse(true);
    }

    @Override
    public int window() {
        return Math.max(1, config.window());
    }

    @Override
    public LinkState linkState() {
        if (!opened) {
            return LinkState.IDLE;
        }
        return connected(entity.getSingletonConnector()) ? LinkState.UP : LinkState.DOWN;
    }

    /**
     * Whether the connector has a logged-in channel now. SMSGate's {@code fetch()} reads the size of its channel list
     * and then an element of it, so a link that closes between the two throws {@link IndexOutOfBoundsException}
     * instead of answering null: that is a link that has just gone down.
     */
    static boolean connected(EndpointConnector<?> c) {
        try {
            return c != null && c.fetch() != null;
        } catch (IndexOutOfBoundsException closing) {
            return false;
        }
    }

    @Override
    public String send(String mobile, String text, SubmitGate gate) throws SendFailure {
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.linkDown("interrupted before the submit", e);
        }
        try {
            return submitAndWait(national(mobile), text, gate);
        } finally {
            window.release();
        }
    }

    private String submitAndWait(String mobile, String text, SubmitGate gate) throws SendFailure {
        open();
        BaseMessage msg = submit(mobile, new SmsTextMessage(text, SmsAlphabet.UCS2, SmsMsgClass.CLASS_UNKNOWN));
        List<Promise<BaseMessage>> answers = write(msg, gate);
        long deadline = System.nanoTime() + config.responseTimeout().toNanos() + TimeUnit.SECONDS.toNanos(2);
        List<String> accepted = new ArrayList<>();
        List<CarrierResult> refused = new ArrayList<>();
        int unanswered = 0;
        for (Promise<BaseMessage> answer : answers) {
            long left = Math.max(0, deadline - System.nanoTime());
            SubmitAnswer a = answer.awaitUninterruptibly(left, TimeUnit.NANOSECONDS) && answer.isSuccess()
                    ? judge(answer.getNow()) : null;
            if (a == null) {
                unanswered++;
            } else if (a.code() == 0) {
                accepted.add(a.gatewayId());
            } else {
                refused.add(CarrierResult.of(family, a.code()));
            }
        }
        if (unanswered > 0) {
            throw SendFailure.uncertain(family + " gateway " + name + " did not answer " + unanswered + " of "
                    + answers.size() + " parts (it may have them; the status report settles it)", null);
        }
        if (!refused.isEmpty()) {
            CarrierResult first = refused.getFirst();
            String why = family + " gateway " + name + " refused the submit: " + first;
            if (!accepted.isEmpty()) {
                // some parts went out: sending again would send those twice
                throw new CarrierRefusal(why + " (" + refused.size() + " of " + answers.size() + " parts)",
                        SendFailure.Kind.PERMANENT, first);
            }
            throw new CarrierRefusal(why, first.isTransient() ? SendFailure.Kind.RETRYABLE : SendFailure.Kind.PERMANENT,
                    first);
        }
        // the id the dispatcher records: the gateway's id of the first part, under the provider's name
        return name + ":" + accepted.getFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Promise<BaseMessage>> write(BaseMessage msg, SubmitGate submitGate) throws SendFailure {
        SubmitGate gate = submitGate.once();
        long until = System.nanoTime() + config.responseTimeout().toNanos();
        while (true) {
            if (!connected(entity.getSingletonConnector())) {
                throw SendFailure.linkDown(gateway() + " not connected; connecting again every second", null);
            }
            List<Promise<BaseMessage>> answers;
            gate.open(); // once (SubmitGate.once): a retry of this loop wrote nothing before
            try {
                answers = ChannelUtil.syncWriteLongMsgToEntity(entity, msg);
            } catch (IndexOutOfBoundsException closing) {
                // the link closed while the library picked its channel (see connected): it wrote nothing
                throw SendFailure.linkDown(gateway() + " closed its link as the submit began; connecting again every second",
                        closing);
            } catch (Exception e) {
                throw SendFailure.permanent(family + ": the text could not be encoded: " + e);
            }
            if (answers != null) {
                return answers;
            }
            // connected but its outgoing queue is full (the rate limit): nothing was written, wait a little
            if (System.nanoTime() > until) {
                throw SendFailure.linkDown(family + " gateway " + name + " takes nothing (its queue stayed full)",
                        null);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SendFailure.linkDown("interrupted before the submit", e);
            }
        }
    }

    private String gateway() {
        return family + " gateway " + name + " (" + config.host() + ":" + port + ")";
    }

    /** Starts connecting (at startup); the library keeps the link, connecting again whenever it drops. */
    synchronized void connect() {
        if (!opened) {
            listeners().forEach(EndpointManager.INS::openEndpoint);
            EndpointManager.INS.openEndpoint(entity);
            EndpointManager.INS.startConnectionCheckTask();
            opened = true;
        }
    }

    /** Connects at the first send if not yet, waiting for the login up to the response timeout. */
    private void open() {
        if (opened) {
            return;
        }
        connect();
        long until = System.nanoTime() + config.responseTimeout().toNanos();
        while (linkState() != LinkState.UP && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.infof("%s provider %s: %s to %s:%d", family, name,
                linkState() == LinkState.UP ? "logged in" : "not logged in yet", config.host(), port);
    }

    void close() {
        EndpointManager.INS.remove(entity.getId());
        listeners().forEach(l -> EndpointManager.INS.remove(l.getId()));
        receiptWriter.shutdown();
    }

    /** 8613800138000, +8613800138000 → 13800138000: what the prefixes are compared with and the gateways take. */
    static String national(String mobile) {
        String m = mobile.startsWith("+") ? mobile.substring(1) : mobile;
        return m.startsWith("86") && m.length() == 13 ? m.substring(2) : m;
    }

    /** A required setting of this protocol, or a startup error that names it. */
    static <T> T required(String name, String key, String protocol, Optional<T> value) {
        return value.orElseThrow(() -> new IllegalStateException("keyaccount.sms.providers." + name + "." + key
                + " is not set: " + protocol + " accounts need it (docs/sms-gateways.md)"));
    }

    /**
     * Installs the acknowledger before the library's session handler (it sees every deliver and report, long ones
     * still in parts) and stays at the end of the pipeline, where long messages customers send arrive merged.
     */
    @ChannelHandler.Sharable
    private final class Deliveries extends AbstractBusinessHandler {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (ctx.pipeline().get("keyaccountDeliverAck") == null) {
                ctx.pipeline().addBefore(GlobalConstance.sessionStateManager, "keyaccountDeliverAck",
                        new Acknowledger());
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Reply r = reply(msg);
            if (r != null) {
                InboundSms sms = new InboundSms(name, national(r.fromMobile()), r.toNumber(), r.text(),
                        clock.instant());
                receiptWriter.execute(() -> {
                    try {
                        inbound.received(sms);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Reply from %s through %s not stored", sms.fromMobile(), name);
                    }
                });
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public String name() {
            return "keyaccountDeliveries";
        }
    }

    /** Answers every deliver and report: a status report once it is stored (refused if not, so it comes again). */
    private final class Acknowledger extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Report r = report(msg);
            if (r != null) {
                receiptWriter.execute(() -> ctx.channel().writeAndFlush(acknowledgement(msg, store(r))));
            } else {
                Object answer = acknowledgement(msg, 0);
                if (answer != null) {
                    ctx.channel().writeAndFlush(answer);
                }
            }
            ctx.fireChannelRead(msg);
        }

        private int store(Report r) {
            try {
                reports.received(name + ":" + r.gatewayId(), national(r.mobile()), r.delivered(), r.status(),
                        r.errorCode(), r.raw());
                return 0;
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s status report not stored (refused; the gateway sends it again)", family);
                return notStored();
            }
        }
    }
}
