package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.DeliveryReports;
import cn.keyaccount.notice.InboundSmsSink;
import com.chinamobile.cmos.sms.SmsMessage;
import com.zx.sms.BaseMessage;
import com.zx.sms.codec.sgip12.msg.SgipDeliverRequestMessage;
import com.zx.sms.codec.sgip12.msg.SgipDeliverResponseMessage;
import com.zx.sms.codec.sgip12.msg.SgipReportRequestMessage;
import com.zx.sms.codec.sgip12.msg.SgipReportResponseMessage;
import com.zx.sms.codec.sgip12.msg.SgipSubmitRequestMessage;
import com.zx.sms.codec.sgip12.msg.SgipSubmitResponseMessage;
import com.zx.sms.connect.manager.EndpointEntity;
import com.zx.sms.connect.manager.sgip.SgipClientEndpointEntity;
import com.zx.sms.connect.manager.sgip.SgipServerChildEndpointEntity;
import com.zx.sms.connect.manager.sgip.SgipServerEndpointEntity;
import com.zx.sms.handler.api.BusinessHandlerInterface;
import java.time.Clock;
import java.util.List;

/**
 * One SGIP 1.2 account (China Unicom's SMS gateway, SMG). SGIP runs two links: we log in to the SMG (Bind, login type
 * 1: SP to SMG) to submit, and the SMG connects back to a port we listen on (login type 2) to deliver status reports
 * (Report) and customers' messages (Deliver). Both are SMSGate endpoints: its client for the first, its server with
 * one child — the login the SMG uses — for the second. A message's id is the Sequence Number of its first part's
 * Submit (node id, MMddHHmmss, sequence), which the Report names as SubmitSequenceNumber. Numbers go out with the
 * country code 86 as SGIP asks; Report state 1 (still waiting) settles nothing and is only acknowledged.
 */
final class SgipGateway extends CarrierGateway {

    /** ChargeNumber of twenty-one zeros: the SP pays (SGIP 1.2 §4.1.1.1); a notice costs the customer nothing. */
    private static final String SP_PAYS = "000000000000000000000";

    private final String corpId;
    private final SgipServerEndpointEntity listener;

    SgipGateway(String name, SmsConfig.Provider config, DeliveryReports reports, InboundSmsSink inbound, Clock clock) {
        super(name, "SGIP", config, 8801, client(name, config), reports, inbound, clock);
        long nodeId = required(name, "node-id", "SGIP", config.nodeId());
        this.corpId = config.corpId().orElse(corpIdOf(nodeId));
        this.listener = listener(name, config, nodeId, handlers());
    }

    private static SgipClientEndpointEntity client(String name, SmsConfig.Provider config) {
        SgipClientEndpointEntity e = new SgipClientEndpointEntity();
        e.setLoginName(fits(name, "login-name", required(name, "login-name", "SGIP", config.loginName())));
        e.setLoginPassowrd(fits(name, "shared-secret", config.sharedSecret()));
        e.setNodeId(required(name, "node-id", "SGIP", config.nodeId()));
        e.setChannelType(EndpointEntity.ChannelType.DOWN); // login type 1: SP to SMG, for submits
        // SGIP has no heartbeat: the library closes a link idle this long, and the connection check opens it again
        e.setIdleTimeSec((short) 300);
        return e;
    }

    /** Where the SMG connects to us (login type 2) with reports and customers' messages. */
    private static SgipServerEndpointEntity listener(String name, SmsConfig.Provider config, long nodeId,
                                                     List<BusinessHandlerInterface> handlers) {
        SgipServerEndpointEntity server = new SgipServerEndpointEntity();
        server.setId("keyaccount-sms-" + name + "-listener");
        server.setHost("0.0.0.0");
        server.setPort(required(name, "listen-port", "SGIP", config.listenPort()));
        server.setValid(true);
        SgipServerChildEndpointEntity smg = new SgipServerChildEndpointEntity();
        smg.setId("keyaccount-sms-" + name + "-smg");
        smg.setLoginName(fits(name, "smg-login-name",
                config.smgLoginName().orElse(required(name, "login-name", "SGIP", config.loginName()))));
        smg.setLoginPassowrd(fits(name, "smg-password", required(name, "smg-password", "SGIP", config.smgPassword())));
        smg.setNodeId(nodeId);
        smg.setValid(true);
        smg.setChannelType(EndpointEntity.ChannelType.UP);
        smg.setMaxChannels((short) 8);
        smg.setIdleTimeSec((short) 300);
        smg.setMaxRetryCnt((short) 0);
        smg.setReSendFailMsg(false);
        smg.setBusinessHandlerSet(handlers);
        server.addchild(smg);
        return server;
    }

    /** Bind's login name and password are 16 bytes each (SGIP 1.2 §4.2.3.1): a longer one would never match. */
    private static String fits(String name, String key, String value) {
        if (value.length() > 16) {
            throw new IllegalStateException("keyaccount.sms.providers." + name + "." + key
                    + " is longer than SGIP's 16 characters");
        }
        return value;
    }

    /** The SP's node id is 3AAAAQQQQQ: area code and the five-digit corporation code (SGIP 1.2 §3.3). */
    private static String corpIdOf(long nodeId) {
        String id = Long.toString(nodeId);
        return id.length() >= 5 ? id.substring(id.length() - 5) : id;
    }

    @Override
    public String protocol() {
        return "SGIP 1.2";
    }

    @Override
    List<EndpointEntity> listeners() {
        return List.of(listener);
    }

    @Override
    BaseMessage submit(String mobile, SmsMessage content) {
        SgipSubmitRequestMessage msg = new SgipSubmitRequestMessage();
        msg.setSpnumber(config.sourceNumber());
        msg.setChargenumber(SP_PAYS);
        msg.setUsernumber("86" + mobile);
        msg.setCorpid(corpId);
        msg.setServicetype(config.serviceCode());
        msg.setFeetype((short) 1); // free for the user
        msg.setFeevalue("0");
        msg.setGivenvalue("0");
        msg.setMorelatetomtflag((short) 2); // an MT not caused by an MO
        msg.setReportflag((short) 1); // a report whether it reached the handset or not
        msg.setMsgContent(content);
        return msg;
    }

    @Override
    SubmitAnswer judge(BaseMessage answer) {
        return answer instanceof SgipSubmitResponseMessage r
                ? new SubmitAnswer(r.getResult(), r.getSequenceNumber().toString()) : null;
    }

    @Override
    Report report(Object msg) {
        if (!(msg instanceof SgipReportRequestMessage r) || r.getReporttype() != 0 || r.getState() == 1) {
            return null;
        }
        boolean delivered = r.getState() == 0;
        return new Report(r.getSequenceId().toString(), r.getUsernumber(), delivered, delivered ? "DELIVRD" : "UNDELIV",
                delivered ? null : Short.toString(r.getErrorcode()), r.toString());
    }

    @Override
    Reply reply(Object msg) {
        return msg instanceof SgipDeliverRequestMessage d
                ? new Reply(d.getUsernumber(), d.getSpnumber(), d.getMsgContent()) : null;
    }

    @Override
    Object acknowledgement(Object msg, int result) {
        if (msg instanceof SgipDeliverRequestMessage d) {
            SgipDeliverResponseMessage resp = new SgipDeliverResponseMessage(d.getHeader());
            resp.setResult((short) result);
            resp.setTimestamp(d.getTimestamp());
            return resp;
        }
        if (msg instanceof SgipReportRequestMessage r) {
            SgipReportResponseMessage resp = new SgipReportResponseMessage(r.getHeader());
            resp.setResult((short) result);
            resp.setTimestamp(r.getTimestamp());
            return resp;
        }
        return null;
    }

    @Override
    int notStored() {
        return 32; // system failure: the SMG sends the report again
    }
}
