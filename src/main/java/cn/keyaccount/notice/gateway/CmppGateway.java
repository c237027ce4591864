package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.DeliveryReports;
import cn.keyaccount.notice.InboundSms;
import cn.keyaccount.notice.InboundSmsSink;
import cn.keyaccount.notice.SendFailure;
import cn.keyaccount.notice.SubmitGate;
import cn.keyaccount.notice.SmsText;
import com.chinamobile.cmos.sms.SmsAlphabet;
import com.chinamobile.cmos.sms.SmsMsgClass;
import com.chinamobile.cmos.sms.SmsTextMessage;
import com.zx.sms.BaseMessage;
import com.zx.sms.codec.cmpp.msg.CmppDeliverRequestMessage;
import com.zx.sms.codec.cmpp.msg.CmppDeliverResponseMessage;
import com.zx.sms.codec.cmpp.msg.CmppReportRequestMessage;
import com.zx.sms.codec.cmpp.msg.CmppSubmitRequestMessage;
import com.zx.sms.codec.cmpp.msg.CmppSubmitResponseMessage;
import com.zx.sms.common.GlobalConstance;
import com.zx.sms.common.util.ChannelUtil;
import com.zx.sms.connect.manager.EndpointConnector;
import com.zx.sms.connect.manager.EndpointManager;
import com.zx.sms.connect.manager.cmpp.CMPPClientEndpointEntity;
import com.zx.sms.handler.api.AbstractBusinessHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Promise;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One CMPP 2.0/3.0 account (China Mobile's enterprise SMS gateways) over Lihuanghe's SMSGate: one connection, logged
 * in with the SP id and shared secret, kept alive with active tests and connected again every second while it is down
 * (the library's connection check). Texts go out in UCS-2, split by the library into parts of 67 characters with the
 * concatenation header (TP_udhi=1, 05 00 03 ref total seq); each part asks for a status report (Registered_Delivery=1),
 * which is matched to the message by the gateway's Msg_Id of the first part. Status reports are stored before they are
 * answered (a report not stored is refused and comes again); messages customers send (Registered_Delivery=0, merged
 * when long) go to the {@link InboundSmsSink}.
 *
 * <p>The library never submits anything twice here: its own resend of unanswered submits is off (maxRetryCnt 0, no
 * persistent resend store). A submit without an answer within the response timeout, or on a link that broke before
 * the answer, is UNCERTAIN for the dispatcher (settled by its status report); a link that is down before anything was
 * written is LINK_DOWN, which lets the next provider take the message.
 */
final class CmppGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(CmppGateway.class);

    private final String name;
    private final SmsConfig.Provider config;
    private final CMPPClientEndpointEntity entity;
    private final Semaphore window;
    private final DeliveryReports reports;
    private final InboundSmsSink inbound;
    private final Clock clock;
    private final ExecutorService receiptWriter;
    private volatile boolean opened;

    CmppGateway(String name, SmsConfig.Provider config, DeliveryReports reports, InboundSmsSink inbound, Clock clock) {
        this.name = name;
        this.config = config;
        this.reports = reports;
        this.inbound = inbound;
        this.clock = clock;
        this.window = new Semaphore(Math.max(1, config.window()), true);
        this.receiptWriter = Executors.newFixedThreadPool(2,
                Thread.ofPlatform().name("cmpp-" + name + "-reports-", 0).daemon().factory());
        this.entity = entity(name, config);
        this.entity.setBusinessHandlerSet(List.of(new Deliveries()));
    }

    private static CMPPClientEndpointEntity entity(String name, SmsConfig.Provider config) {
        CMPPClientEndpointEntity e = new CMPPClientEndpointEntity();
        e.setId("keyaccount-sms-" + name);
        e.setHost(config.host());
        e.setPort(config.port());
        e.setUserName(config.spId());
        e.setPassword(config.sharedSecret());
        e.setVersion(switch (config.version()) {
            case "3.0", "3" -> (short) 0x30;
            case "2.0", "2" -> (short) 0x20;
            default -> throw new IllegalArgumentException("keyaccount.sms.providers." + name + ".version="
                    + config.version() + ": CMPP 3.0 or 2.0");
        });
        e.setServiceId(config.serviceCode());
        e.setSpCode(config.sourceNumber());
        e.setMsgSrc(config.spId());
        e.setChartset(StandardCharsets.UTF_8);
        e.setMaxChannels((short) 1);
        // the library's window counts parts; ours (the semaphore) counts messages of up to MAX_SEGMENTS parts
        e.setWindow(Math.max(1, config.window()) * SmsText.MAX_SEGMENTS);
        e.setWriteLimit(Math.max(1, config.maxPerSecond()));
        int timeout = (int) Math.max(1, config.responseTimeout().toSeconds());
        e.setRetryWaitTimeSec((short) timeout);
        // never submitted twice by the library: no resend of unanswered submits, no resend store
        e.setMaxRetryCnt((short) 0);
        e.setReSendFailMsg(false);
        e.setCloseWhenRetryFailed(false);
        return e;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String protocol() {
        return entity.getVersion() == 0x30 ? "CMPP 3.0" : "CMPP 2.0";
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
        EndpointConnector<?> c = entity.getSingletonConnector();
        return c != null && c.fetch() != null ? LinkState.UP : LinkState.DOWN;
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
            return submit(national(mobile), text, gate);
        } finally {
            window.release();
        }
    }

    private String submit(String mobile, String text, SubmitGate gate) throws SendFailure {
        open();
        CmppSubmitRequestMessage msg = new CmppSubmitRequestMessage();
        msg.setDestterminalId(mobile);
        msg.setSrcId(config.sourceNumber());
        msg.setServiceId(config.serviceCode());
        msg.setMsgsrc(config.spId());
        msg.setRegisteredDelivery((short) 1);
        msg.setMsgContent(new SmsTextMessage(text, SmsAlphabet.UCS2, SmsMsgClass.CLASS_UNKNOWN));
        List<Promise<BaseMessage>> answers = write(msg, gate);
        long deadline = System.nanoTime() + config.responseTimeout().toNanos() + TimeUnit.SECONDS.toNanos(2);
        List<CmppSubmitResponseMessage> accepted = new ArrayList<>();
        List<CmppResult> refused = new ArrayList<>();
        int unanswered = 0;
        for (Promise<BaseMessage> answer : answers) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!answer.awaitUninterruptibly(left, TimeUnit.NANOSECONDS) || !answer.isSuccess()) {
                unanswered++;
            } else if (answer.getNow() instanceof CmppSubmitResponseMessage r && r.getResult() == 0) {
                accepted.add(r);
            } else if (answer.getNow() instanceof CmppSubmitResponseMessage r) {
                refused.add(CmppResult.of(r.getResult()));
            } else {
                unanswered++;
            }
        }
        if (unanswered > 0) {
            throw SendFailure.uncertain("CMPP gateway " + name + " did not answer " + unanswered + " of "
                    + answers.size() + " parts (it may have them; the status report settles it)", null);
        }
        if (!refused.isEmpty()) {
            CmppResult first = refused.getFirst();
            String why = "CMPP gateway " + name + " refused the submit: " + first;
            if (!accepted.isEmpty()) {
                // some parts went out: sending again would send those twice
                throw new CarrierRefusal(why + " (" + refused.size() + " of " + answers.size() + " parts)",
                        SendFailure.Kind.PERMANENT, first);
            }
            throw new CarrierRefusal(why, first.isTransient() ? SendFailure.Kind.RETRYABLE : SendFailure.Kind.PERMANENT,
                    first);
        }
        return messageId(accepted.getFirst());
    }

    /** The id the dispatcher records: the gateway's Msg_Id of the first part, under the provider's name. */
    private String messageId(CmppSubmitResponseMessage first) {
        return name + ":" + first.getMsgId();
    }

    @SuppressWarnings("unchecked")
    private List<Promise<BaseMessage>> write(CmppSubmitRequestMessage msg, SubmitGate submitGate) throws SendFailure {
        SubmitGate gate = submitGate.once();
        long until = System.nanoTime() + config.responseTimeout().toNanos();
        while (true) {
            EndpointConnector<?> c = entity.getSingletonConnector();
            if (c == null || c.fetch() == null) {
                throw SendFailure.linkDown("CMPP gateway " + name + " (" + config.host() + ":" + config.port()
                        + ") not connected; connecting again every second", null);
            }
            List<Promise<BaseMessage>> answers;
            gate.open(); // once (SubmitGate.once): a retry of this loop wrote nothing before
            try {
                answers = ChannelUtil.syncWriteLongMsgToEntity(entity, msg);
            } catch (Exception e) {
                throw SendFailure.permanent("CMPP: the text could not be encoded: " + e);
            }
            if (answers != null) {
                return answers;
            }
            // connected but its outgoing queue is full (the rate limit): nothing was written, wait a little
            if (System.nanoTime() > until) {
                throw SendFailure.linkDown("CMPP gateway " + name + " takes nothing (its queue stayed full)", null);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SendFailure.linkDown("interrupted before the submit", e);
            }
        }
    }

    /** Starts connecting (at startup); the library keeps the link, connecting again whenever it drops. */
    synchronized void connect() {
        if (!opened) {
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
        LOG.infof("CMPP provider %s: %s to %s:%d", name, linkState() == LinkState.UP ? "logged in" : "not logged in yet",
                config.host(), config.port());
    }

    void close() {
        EndpointManager.INS.remove(entity.getId());
        receiptWriter.shutdown();
    }

    /** 8613800138000, +8613800138000 → 13800138000: what the prefixes are compared with and CMPP takes. */
    static String national(String mobile) {
        String m = mobile.startsWith("+") ? mobile.substring(1) : mobile;
        return m.startsWith("86") && m.length() == 13 ? m.substring(2) : m;
    }

    /**
     * Installs the acknowledger before the library's session handler (it sees every deliver, long ones still in
     * parts) and stays at the end of the pipeline, where long messages customers send arrive merged.
     */
    @ChannelHandler.Sharable
    private final class Deliveries extends AbstractBusinessHandler {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (ctx.pipeline().get("keyaccountDeliverAck") == null) {
                ctx.pipeline().addBefore(GlobalConstance.sessionStateManager, "keyaccountDeliverAck", new Acknowledger());
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof CmppDeliverRequestMessage d && !d.isReport()) {
                InboundSms sms = new InboundSms(name, national(d.getSrcterminalId()), d.getDestId(), d.getMsgContent(),
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

    /** Answers every deliver: a status report once it is stored (refused if not, so the gateway sends it again). */
    private final class Acknowledger extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof CmppDeliverRequestMessage d && d.isReport()) {
                receiptWriter.execute(() -> ctx.channel().writeAndFlush(answer(d, store(d.getReportRequestMessage()))));
            } else if (msg instanceof CmppDeliverRequestMessage d) {
                ctx.channel().writeAndFlush(answer(d, 0));
            }
            ctx.fireChannelRead(msg);
        }

        private int store(CmppReportRequestMessage r) {
            try {
                String stat = r.getStat() == null ? "" : r.getStat().trim();
                boolean delivered = "DELIVRD".equals(stat);
                reports.received(name + ":" + r.getMsgId(), national(r.getDestterminalId()), delivered, stat,
                        delivered ? null : stat, r.toString());
                return 0;
            } catch (RuntimeException e) {
                LOG.warnf(e, "CMPP status report not stored (refused; the gateway sends it again)");
                return 9;
            }
        }

        private CmppDeliverResponseMessage answer(CmppDeliverRequestMessage d, int result) {
            CmppDeliverResponseMessage resp = new CmppDeliverResponseMessage(d.getHeader().getSequenceId());
            resp.setMsgId(d.getMsgId());
            resp.setResult(result);
            return resp;
        }
    }
}
