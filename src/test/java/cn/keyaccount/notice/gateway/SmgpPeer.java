package cn.keyaccount.notice.gateway;

import com.zx.sms.codec.smgp.msg.MsgId;
import com.zx.sms.codec.smgp.msg.SMGPDeliverMessage;
import com.zx.sms.codec.smgp.msg.SMGPReportData;
import com.zx.sms.codec.smgp.msg.SMGPSubmitMessage;
import com.zx.sms.codec.smgp.msg.SMGPSubmitRespMessage;
import com.zx.sms.codec.smgp.util.SMGPMsgIdUtil;
import com.zx.sms.common.util.ChannelUtil;
import com.zx.sms.connect.manager.EndpointManager;
import com.zx.sms.connect.manager.smgp.SMGPServerChildEndpointEntity;
import com.zx.sms.connect.manager.smgp.SMGPServerEndpointEntity;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;

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
        write(sp, d);
    }

    @Override
    String destination(Object submit) {
        return submit instanceof SMGPSubmitMessage s ? s.getDestTermIdArray()[0] : null;
    }

    @Override
    String text(Object submit) {
        return ((SMGPSubmitMessage) submit).getMsgContent();
    }

    @Override
    Object answer(Object part, int result) {
        SMGPSubmitRespMessage resp = new SMGPSubmitRespMessage();
        resp.setSequenceNo(((SMGPSubmitMessage) part).getSequenceNo());
        resp.setMsgId(new MsgId());
        resp.setStatus(result);
        return resp;
    }

    /** The report is a deliver with IsReport=1 carrying the submit's MsgID, on the same link. */
    @Override
    void report(Object part, Object answer) {
        SMGPSubmitMessage e = (SMGPSubmitMessage) part;
        if (!e.isNeedReport()) {
            return;
        }
        SMGPDeliverMessage d = new SMGPDeliverMessage();
        d.setDestTermId(e.getSrcTermId());
        d.setSrcTermId(e.getDestTermIdArray()[0]);
        SMGPReportData r = new AsciiReport();
        r.setMsgId(((SMGPSubmitRespMessage) answer).getMsgId());
        r.setSub("001");
        r.setDlvrd("001");
        String t = new SimpleDateFormat("yyMMddHHmm").format(new Date());
        r.setSubTime(t);
        r.setDoneTime(t);
        r.setStat("DELIVRD");
        r.setErr("000");
        r.setTxt("");
        d.setReport(r);
        ChannelUtil.asyncWriteToEntity(sp, d);
    }

    /**
     * The report body (SMGP 3.0.3 §6.2.63: "id:" + 10-byte MsgID, then sub, dlvrd, dates, stat, err, text in ASCII),
     * encoded here: the library's own encoder calls Guava's CharMatcher.ASCII, which the Guava on this classpath no
     * longer has (decoding, what the app does, does not use it).
     */
    private static final class AsciiReport extends SMGPReportData {
        @Override
        public byte[] toBytes() {
            byte[] out = new byte[LENGTH];
            int at = put(out, 0, "id:");
            System.arraycopy(SMGPMsgIdUtil.msgId2Bytes(getMsgId()), 0, out, at, 10);
            at += 10;
            at = field(out, put(out, at, " sub:"), getSub(), 3);
            at = field(out, put(out, at, " dlvrd:"), getDlvrd(), 3);
            at = field(out, put(out, at, " submit date:"), getSubTime(), 10);
            at = field(out, put(out, at, " done date:"), getDoneTime(), 10);
            at = field(out, put(out, at, " stat:"), getStat(), 7);
            at = field(out, put(out, at, " err:"), getErr(), 3);
            field(out, put(out, at, " text:"), getTxt(), 20);
            return out;
        }

        private static int put(byte[] out, int at, String s) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, out, at, b.length);
            return at + b.length;
        }

        private static int field(byte[] out, int at, String s, int width) {
            byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, out, at, Math.min(width, b.length));
            return at + width;
        }
    }
}
