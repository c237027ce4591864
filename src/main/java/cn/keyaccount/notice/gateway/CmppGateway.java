package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.DeliveryReports;
import cn.keyaccount.notice.InboundSmsSink;
import com.chinamobile.cmos.sms.SmsMessage;
import com.zx.sms.BaseMessage;
import com.zx.sms.codec.cmpp.msg.CmppDeliverRequestMessage;
import com.zx.sms.codec.cmpp.msg.CmppDeliverResponseMessage;
import com.zx.sms.codec.cmpp.msg.CmppReportRequestMessage;
import com.zx.sms.codec.cmpp.msg.CmppSubmitRequestMessage;
import com.zx.sms.codec.cmpp.msg.CmppSubmitResponseMessage;
import com.zx.sms.connect.manager.cmpp.CMPPClientEndpointEntity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * One CMPP 2.0/3.0 account (China Mobile's enterprise SMS gateways): logged in with the SP id and shared secret, kept
 * alive with active tests. Each part asks for a status report (Registered_Delivery=1), matched by the gateway's Msg_Id
 * of the first part; messages customers send come as delivers with Registered_Delivery=0. The rest — window, rate,
 * reconnect, "never twice" — is {@link CarrierGateway}'s.
 */
final class CmppGateway extends CarrierGateway {

    private final String spId;

    CmppGateway(String name, SmsConfig.Provider config, DeliveryReports reports, InboundSmsSink inbound, Clock clock) {
        super(name, "CMPP", config, 7890, entity(name, config), reports, inbound, clock);
        this.spId = required(name, "sp-id", "CMPP", config.spId());
    }

    private static CMPPClientEndpointEntity entity(String name, SmsConfig.Provider config) {
        CMPPClientEndpointEntity e = new CMPPClientEndpointEntity();
        String spId = required(name, "sp-id", "CMPP", config.spId());
        e.setUserName(spId);
        e.setPassword(config.sharedSecret());
        e.setVersion(switch (config.version()) {
            case "3.0", "3" -> (short) 0x30;
            case "2.0", "2" -> (short) 0x20;
            default -> throw new IllegalArgumentException("keyaccount.sms.providers." + name + ".version="
                    + config.version() + ": CMPP 3.0 or 2.0");
        });
        e.setServiceId(config.serviceCode());
        e.setSpCode(config.sourceNumber());
        e.setMsgSrc(spId);
        e.setChartset(StandardCharsets.UTF_8);
        return e;
    }

    @Override
    public String protocol() {
        return config.version().startsWith("2") ? "CMPP 2.0" : "CMPP 3.0";
    }

    @Override
    BaseMessage submit(String mobile, SmsMessage content) {
        CmppSubmitRequestMessage msg = new CmppSubmitRequestMessage();
        msg.setDestterminalId(mobile);
        msg.setSrcId(config.sourceNumber());
        msg.setServiceId(config.serviceCode());
        msg.setMsgsrc(spId);
        msg.setRegisteredDelivery((short) 1);
        msg.setMsgContent(content);
        return msg;
    }

    @Override
    SubmitAnswer judge(BaseMessage answer) {
        return answer instanceof CmppSubmitResponseMessage r ? new SubmitAnswer(r.getResult(), r.getMsgId().toString())
                : null;
    }

    @Override
    Report report(Object msg) {
        if (!(msg instanceof CmppDeliverRequestMessage d) || !d.isReport()) {
            return null;
        }
        CmppReportRequestMessage r = d.getReportRequestMessage();
        String stat = r.getStat() == null ? "" : r.getStat().trim();
        boolean delivered = "DELIVRD".equals(stat);
        return new Report(r.getMsgId().toString(), r.getDestterminalId(), delivered, stat, delivered ? null : stat,
                r.toString());
    }

    @Override
    Reply reply(Object msg) {
        return msg instanceof CmppDeliverRequestMessage d && !d.isReport()
                ? new Reply(d.getSrcterminalId(), d.getDestId(), d.getMsgContent()) : null;
    }

    @Override
    Object acknowledgement(Object msg, int result) {
        if (!(msg instanceof CmppDeliverRequestMessage d)) {
            return null;
        }
        CmppDeliverResponseMessage resp = new CmppDeliverResponseMessage(d.getHeader().getSequenceId());
        resp.setMsgId(d.getMsgId());
        resp.setResult(result);
        return resp;
    }

    @Override
    int notStored() {
        return 9;
    }
}
