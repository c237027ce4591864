package cn.keyaccount.notice.gateway;

import com.zx.sms.codec.cmpp.msg.CmppDeliverRequestMessage;
import com.zx.sms.codec.cmpp.msg.CmppReportRequestMessage;
import com.zx.sms.codec.cmpp.msg.CmppSubmitRequestMessage;
import com.zx.sms.codec.cmpp.msg.CmppSubmitResponseMessage;
import com.zx.sms.common.GlobalConstance;
import com.zx.sms.common.util.ChannelUtil;
import com.zx.sms.common.util.MsgId;
import com.zx.sms.connect.manager.EndpointManager;
import com.zx.sms.connect.manager.cmpp.CMPPServerChildEndpointEntity;
import com.zx.sms.connect.manager.cmpp.CMPPServerEndpointEntity;
import com.zx.sms.handler.api.AbstractBusinessHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A carrier's CMPP gateway on loopback for the tests and the benchmark: the server side of Lihuanghe's SMSGate (its
 * listener, login check with the shared secret, codec, windows, active tests), with a small answering rule of ours on
 * top, as a carrier behaves: it answers each submitted part (after a delay if set, with a carrier error code for some
 * numbers), sends a status report for each accepted part (DELIVRD), can send a customer's reply, and can drop the link.
 * It counts what it took per handset, parts and messages (a message = its first part), so that a test sees duplicates.
 */
public final class CmppPeer implements AutoCloseable {

    private static final AtomicInteger GATE = new AtomicInteger(100);

    public final int port;
    public final String spId;
    public final String secret;
    private final CMPPServerEndpointEntity server;
    private final CMPPServerChildEndpointEntity child;
    private final int gateId = GATE.incrementAndGet();
    /** Submit answers wait this long (a slow gateway). */
    public volatile long answerDelayMillis;
    /** Handsets whose submits are refused with this result code. */
    public final Map<String, Integer> refuse = new ConcurrentHashMap<>();
    /** Whether accepted parts get a status report. */
    public volatile boolean reports = true;
    /** Submits not answered at all (a gateway that takes the submit and never answers). */
    public volatile boolean silent;
    private final Map<String, AtomicInteger> messages = new ConcurrentHashMap<>();
    public final AtomicLong parts = new AtomicLong();
    public final AtomicLong reportsSent = new AtomicLong();
    /** The submitted parts as they came (for checks of the concatenation header and the coding). */
    public final List<CmppSubmitRequestMessage> received = java.util.Collections.synchronizedList(new ArrayList<>());
    public volatile boolean keepParts = true;

    private CmppPeer(int port, String spId, String secret, short version) {
        this.port = port;
        this.spId = spId;
        this.secret = secret;
        server = new CMPPServerEndpointEntity();
        server.setId("peer-" + port + "-" + gateId);
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setValid(true);
        child = new CMPPServerChildEndpointEntity();
        child.setId("peer-" + port + "-" + gateId + "-" + spId);
        child.setChartset(StandardCharsets.UTF_8);
        child.setGroupName("peer");
        child.setUserName(spId);
        child.setPassword(secret);
        child.setValid(true);
        child.setVersion(version);
        child.setMaxChannels((short) 4);
        child.setRetryWaitTimeSec((short) 30);
        child.setMaxRetryCnt((short) 0);
        child.setWindow(1000);
        child.setBusinessHandlerSet(List.of(new Installer()));
        server.addchild(child);
        CarrierPeer.listen(server, port);
    }

    /** A CMPP 3.0 gateway on a free loopback port. */
    public static CmppPeer start(String spId, String secret) {
        return start(spId, secret, (short) 0x30);
    }

    public static CmppPeer start(String spId, String secret, short version) {
        try (ServerSocket s = new ServerSocket(0)) {
            int port = s.getLocalPort();
            s.close();
            return new CmppPeer(port, spId, secret, version);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A gateway on this port. */
    public static CmppPeer start(int port, String spId, String secret, short version) {
        return new CmppPeer(port, spId, secret, version);
    }

    /** Messages (first parts) this gateway took for the handset. */
    public int messagesTo(String mobile) {
        AtomicInteger n = messages.get(mobile);
        return n == null ? 0 : n.get();
    }

    public Map<String, AtomicInteger> messages() {
        return messages;
    }

    public long messageCount() {
        return messages.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    /** Closes every connection a client holds to this gateway (the client connects again by itself). */
    public void dropLinks() {
        CarrierPeer.drop(child);
    }

    /** Stops listening and drops the links (a gateway that went away). */
    @Override
    public void close() {
        dropLinks();
        EndpointManager.INS.remove(server.getId());
    }

    /** A customer's message to our source number (Registered_Delivery=0), split by the library if long. */
    public void reply(String fromMobile, String toNumber, String text) {
        CmppDeliverRequestMessage d = new CmppDeliverRequestMessage();
        d.setSrcterminalId(fromMobile);
        d.setDestId(toNumber);
        d.setServiceid("");
        d.setMsgContent(text);
        try {
            ChannelUtil.syncWriteLongMsgToEntity(child, d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the answering rule before the library's session handler, where each part is seen on its own. */
    @ChannelHandler.Sharable
    private final class Installer extends AbstractBusinessHandler {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().addBefore(GlobalConstance.sessionStateManager, "peerAnswers", new Answers());
            ctx.pipeline().remove(this);
        }

        @Override
        public String name() {
            return "peerInstaller";
        }
    }

    private final class Answers extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof CmppSubmitRequestMessage e) {
                answer(ctx, e);
            }
            ctx.fireChannelRead(msg);
        }

        private void answer(ChannelHandlerContext ctx, CmppSubmitRequestMessage e) {
            String dest = e.getDestterminalId()[0];
            parts.incrementAndGet();
            if (keepParts) {
                received.add(e);
            }
            if (e.getPknumber() <= 1) {
                messages.computeIfAbsent(dest, k -> new AtomicInteger()).incrementAndGet();
            }
            if (silent) {
                return;
            }
            CmppSubmitResponseMessage resp = new CmppSubmitResponseMessage(e.getHeader().getSequenceId());
            resp.setMsgId(new MsgId(gateId));
            Integer refused = refuse.get(dest);
            resp.setResult(refused == null ? 0 : refused);
            Runnable send = () -> {
                ctx.channel().writeAndFlush(resp);
                if (refused == null && reports && e.getRegisteredDelivery() == 1) {
                    ctx.executor().schedule(() -> report(e, dest, resp.getMsgId()), 5, TimeUnit.MILLISECONDS);
                }
            };
            if (answerDelayMillis > 0) {
                ctx.executor().schedule(send, answerDelayMillis, TimeUnit.MILLISECONDS);
            } else {
                send.run();
            }
        }

        private void report(CmppSubmitRequestMessage e, String dest, MsgId id) {
            CmppDeliverRequestMessage d = new CmppDeliverRequestMessage();
            d.setDestId(e.getSrcId());
            d.setSrcterminalId(dest);
            CmppReportRequestMessage r = new CmppReportRequestMessage();
            r.setDestterminalId(dest);
            r.setMsgId(id);
            String t = new SimpleDateFormat("yyMMddHHmm").format(new Date());
            r.setSubmitTime(t);
            r.setDoneTime(t);
            r.setStat("DELIVRD");
            r.setSmscSequence(0);
            d.setReportRequestMessage(r);
            if (ChannelUtil.asyncWriteToEntity(child, d) != null) {
                reportsSent.incrementAndGet();
            }
        }
    }
}
