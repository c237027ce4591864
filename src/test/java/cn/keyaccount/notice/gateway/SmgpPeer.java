package cn.keyaccount.notice.gateway;

import com.zx.sms.codec.smgp.msg.MsgId;
import com.zx.sms.codec.smgp.msg.SMGPDeliverMessage;
import com.zx.sms.codec.smgp.msg.SMGPReportData;
import com.zx.sms.codec.smgp.msg.SMGPSubmitMessage;
import com.zx.sms.codec.smgp.msg.SMGPSubmitRespMessage;
import com.zx.sms.common.GlobalConstance;
import com.zx.sms.common.util.ChannelUtil;
import com.zx.sms.connect.manager.EndpointManager;
import com.zx.sms.connect.manager.smgp.SMGPServerChildEndpointEntity;
import com.zx.sms.connect.manager.smgp.SMGPServerEndpointEntity;
import com.zx.sms.handler.api.AbstractBusinessHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * China Telecom's SMGW on loopback: SMSGate's SMGP 3.0 server side (login with the client id and shared secret,
 * active tests), answering each submit with a MsgID, then a status report (a deliver with IsReport=1 carrying that
 * MsgID) on the same link; customers' messages go the same way.
 */
public final class SmgpPeer extends CarrierPeer {

    private final SMGPServerEndpointEntity server;
    private final SMGPServerChildEndpointEntity sp;

    public SmgpPeer(int port, String clientId, String secret) {
        super(port);
        int id = IDS.incrementAndGet();
        server = new SMGPServerEndpointEntity();
        server.setId("smgp-peer-" + port + "-" + id);
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setValid(true);
        sp = new SMGPServerChildEndpointEntity();
        sp.setId("smgp-peer-" + port + "-" + id + "-sp");
        sp.setClientID(clientId);
        sp.setPassword(secret);
        sp.setClientVersion((byte) 0x30);
        sp.setChartset(StandardCharsets.UTF_8);
        sp.setValid(true);
        sp.setMaxChannels((short) 4);
        sp.setMaxRetryCnt((short) 0);
        sp.setWindow(1000);
        sp.setBusinessHandlerSet(List.of(new Installer()));
        server.addchild(sp);
        listen(server, port);
    }

    @Override
    public void dropLinks() {
        drop(sp);
    }

    @Override
    public void close() {
        dropLinks();
        EndpointManager.INS.remove(server.getId());
    }

    @Override
    public void reply(String fromMobile, String toNumber, String text) {
        SMGPDeliverMessage d = new SMGPDeliverMessage();
        d.setSrcTermId(fromMobile);
        d.setDestTermId(toNumber);
        d.setMsgContent(text);
        try {
            if (ChannelUtil.syncWriteLongMsgToEntity(sp, d) == null) {
                throw new IllegalStateException("no SP logged in to the SMGW");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers each part before the library's session handler; counts whole messages at the end of the pipeline. */
    @ChannelHandler.Sharable
    private final class Installer extends AbstractBusinessHandler {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().addBefore(GlobalConstance.sessionStateManager, "peerAnswers", new Answers());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof SMGPSubmitMessage whole) {
                arrived(whole.getDestTermIdArray()[0], whole.getMsgContent());
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public String name() {
            return "peerInstaller";
        }
    }

    private final class Answers extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof SMGPSubmitMessage e) {
                answer(ctx, e);
            }
            ctx.fireChannelRead(msg);
        }

        private void answer(ChannelHandlerContext ctx, SMGPSubmitMessage e) {
            parts.incrementAndGet();
            if (silent) {
                return;
            }
            String dest = e.getDestTermIdArray()[0];
            Integer refused = refuse.get(CarrierGateway.national(dest));
            SMGPSubmitRespMessage resp = new SMGPSubmitRespMessage();
            resp.setSequenceNo(e.getSequenceNo());
            resp.setMsgId(new MsgId());
            resp.setStatus(refused == null ? 0 : refused);
            later(ctx, () -> {
                ctx.channel().writeAndFlush(resp);
                if (refused == null && e.isNeedReport()) {
                    ctx.executor().schedule(() -> report(e, dest, resp.getMsgId()), 5, TimeUnit.MILLISECONDS);
                }
            });
        }

        private void report(SMGPSubmitMessage e, String dest, MsgId id) {
            SMGPDeliverMessage d = new SMGPDeliverMessage();
            d.setDestTermId(e.getSrcTermId());
            d.setSrcTermId(dest);
            SMGPReportData r = new SMGPReportData();
            r.setMsgId(id);
            r.setSub("001");
            r.setDlvrd("001");
            String t = new SimpleDateFormat("yyMMddHHmm").format(new Date());
            r.setSubTime(t);
            r.setDoneTime(t);
            r.setStat("DELIVRD");
            r.setErr("000");
            r.setTxt("");
            d.setReport(r);
            if (ChannelUtil.asyncWriteToEntity(sp, d) != null) {
                reportsSent.incrementAndGet();
            }
        }
    }
}
