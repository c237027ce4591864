package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.DeliveryReports;
import cn.keyaccount.notice.InboundSmsSink;
import com.chinamobile.cmos.sms.SmsMessage;
import com.zx.sms.BaseMessage;
import com.zx.sms.codec.smgp.msg.SMGPDeliverMessage;
import com.zx.sms.codec.smgp.msg.SMGPDeliverRespMessage;
import com.zx.sms.codec.smgp.msg.SMGPReportData;
import com.zx.sms.codec.smgp.msg.SMGPSubmitMessage;
import com.zx.sms.codec.smgp.msg.SMGPSubmitRespMessage;
import com.zx.sms.connect.manager.smgp.SMGPClientEndpointEntity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * One SMGP account (China Telecom's SMS gateway, SMGW; version 3.0, 2.0 or 1.3): logged in with the client id and
 * shared secret in transmit mode (LoginMode 2: submits, reports and customers' messages on the one link), kept alive
 * with active tests. Each part asks for a status report (NeedReport=1), matched by the gateway's MsgID of the first
 * part, which the report carries in its Msg_Id; customers' messages come as delivers with IsReport=0.
 */
final class SmgpGateway extends CarrierGateway {

    SmgpGateway(String name, SmsConfig.Provider config, DeliveryReports reports, InboundSmsSink inbound, Clock clock) {
        super(name, "SMGP", config, 8890, entity(name, config), reports, inbound, clock);
    }

    private static SMGPClientEndpointEntity entity(String name, SmsConfig.Provider config) {
        SMGPClientEndpointEntity e = new SMGPClientEndpointEntity();
        e.setClientID(required(name, "client-id", "SMGP", config.clientId()));
        e.setPassword(config.sharedSecret());
        e.setClientVersion(version(name, config.version()));
        e.setChartset(StandardCharsets.UTF_8);
        return e;
    }

    private static byte version(String name, String version) {
        return switch (version) {
            case "3.0", "3" -> (byte) 0x30;
            case "2.0", "2" -> (byte) 0x20;
            case "1.3" -> (byte) 0x13;
            default -> throw new IllegalArgumentException("keyaccount.sms.providers." + name + ".version=" + version
                    + ": SMGP 3.0, 2.0 or 1.3");
        };
    }

    @Override
    public String protocol() {
        return "SMGP " + switch (config.version()) {
            case "2.0", "2" -> "2.0";
            case "1.3" -> "1.3";
            default -> "3.0";
        };
    }

    @Override
    BaseMessage submit(String mobile, SmsMessage content) {
        SMGPSubmitMessage msg = new SMGPSubmitMessage();
        msg.setMsgType((byte) 6); // MT to the handset
        msg.setNeedReport(true);
        msg.setServiceId(config.serviceCode());
        msg.setFeeType("00"); // free
        msg.setSrcTermId(config.sourceNumber());
        msg.setDestTermIdArray(mobile);
        msg.setMsgContent(content);
        return msg;
    }

    @Override
    SubmitAnswer judge(BaseMessage answer) {
        return answer instanceof SMGPSubmitRespMessage r ? new SubmitAnswer(r.getStatus(), r.getMsgId().toString())
                : null;
    }

    @Override
    Report report(Object msg) {
        if (!(msg instanceof SMGPDeliverMessage d) || !d.isReport() || d.getReport() == null) {
            return null;
        }
        SMGPReportData r = d.getReport();
        String stat = r.getStat() == null ? "" : r.getStat().trim();
        boolean delivered = "DELIVRD".equals(stat);
        String err = r.getErr() == null ? "" : r.getErr().trim();
        return new Report(r.getMsgId().toString(), d.getSrcTermId(), delivered, stat,
                delivered ? null : (err.isEmpty() || err.equals("000") ? stat : err), d.toString());
    }

    @Override
    Reply reply(Object msg) {
        return msg instanceof SMGPDeliverMessage d && !d.isReport()
                ? new Reply(d.getSrcTermId(), d.getDestTermId(), d.getMsgContent()) : null;
    }

    @Override
    Object acknowledgement(Object msg, int result) {
        if (!(msg instanceof SMGPDeliverMessage d)) {
            return null;
        }
        SMGPDeliverRespMessage resp = new SMGPDeliverRespMessage();
        resp.setSequenceNo(d.getSequenceNo());
        resp.setMsgId(d.getMsgId());
        resp.setStatus(result);
        return resp;
    }

    @Override
    int notStored() {
        return 1; // system busy: the gateway sends the report again
    }
}
