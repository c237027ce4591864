package cn.keyaccount.notice.gateway;

import com.zx.sms.codec.sgip12.msg.SgipDeliverRequestMessage;
import com.zx.sms.codec.sgip12.msg.SgipReportRequestMessage;
import com.zx.sms.codec.sgip12.msg.SgipSubmitRequestMessage;
import com.zx.sms.codec.sgip12.msg.SgipSubmitResponseMessage;
import com.zx.sms.common.util.ChannelUtil;
import com.zx.sms.connect.manager.EndpointEntity;
import com.zx.sms.connect.manager.EndpointManager;
import com.zx.sms.connect.manager.sgip.SgipClientEndpointEntity;
import com.zx.sms.connect.manager.sgip.SgipServerChildEndpointEntity;
import com.zx.sms.connect.manager.sgip.SgipServerEndpointEntity;
import java.util.List;

/**
 * China Unicom's SMG on loopback: SMSGate's SGIP server side takes the SP's Bind (login type 1) and submits, and its
 * SGIP client connects back to the port the SP listens on (Bind with login type 2, the SMG's login there) to send
 * Reports and customers' messages, as a real SMG does. Reports name the submit by its Sequence Number.
 */
public final class SgipPeer extends CarrierPeer {

    /** The SMG's own node id (1AAAAX). */
    static final long SMG_NODE = 1_0100_1L;

    private final SgipServerEndpointEntity server;
    private final SgipServerChildEndpointEntity sp;
    private final SgipClientEndpointEntity back;

    /**
     * @param port       where the SMG listens for the SP's submits
     * @param listenPort where the SP listens for the SMG's reports and replies
     */
    public SgipPeer(int port, String loginName, String password, int listenPort, String smgLoginName,
                    String smgPassword) {
        super(port);
        int id = IDS.incrementAndGet();
        server = new SgipServerEndpointEntity();
        server.setId("sgip-peer-" + port + "-" + id);
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setValid(true);
        sp = new SgipServerChildEndpointEntity();
        sp.setId("sgip-peer-" + port + "-" + id + "-sp");
        sp.setLoginName(loginName);
        sp.setLoginPassowrd(password);
        sp.setNodeId(SMG_NODE);
        sp.setValid(true);
        sp.setMaxChannels((short) 4);
        sp.setMaxRetryCnt((short) 0);
        sp.setWindow(1000);
        sp.setIdleTimeSec((short) 300);
        sp.setBusinessHandlerSet(List.of(new Installer()));
        server.addchild(sp);
        back = new SgipClientEndpointEntity();
        back.setId("sgip-peer-" + port + "-" + id + "-back");
        back.setHost("127.0.0.1");
        back.setPort(listenPort);
        back.setLoginName(smgLoginName);
        back.setLoginPassowrd(smgPassword);
        back.setNodeId(SMG_NODE);
        back.setChannelType(EndpointEntity.ChannelType.UP); // login type 2: SMG to SP
        back.setMaxChannels((short) 1);
        back.setMaxRetryCnt((short) 0);
        back.setIdleTimeSec((short) 300);
        back.setWindow(1000);
        listen(server, port);
        EndpointManager.INS.openEndpoint(back);
        EndpointManager.INS.startConnectionCheckTask();
    }

    /** Whether the SMG's link back to the SP is logged in (reports and replies can go). */
    public boolean backUp() {
        return back.getSingletonConnector() != null && back.getSingletonConnector().fetch() != null;
    }

    @Override
    public void dropLinks() {
        drop(sp);
    }

    @Override
    public void close() {
        dropLinks();
        EndpointManager.INS.remove(back.getId());
        EndpointManager.INS.remove(server.getId());
    }

    @Override
    public void reply(String fromMobile, String toNumber, String text) {
        SgipDeliverRequestMessage d = new SgipDeliverRequestMessage();
        d.setUsernumber("86" + fromMobile);
        d.setSpnumber(toNumber);
        d.setMsgContent(text);
        write(back, d);
    }

    @Override
    String destination(Object submit) {
        return submit instanceof SgipSubmitRequestMessage s ? s.getUsernumber()[0] : null;
    }

    @Override
    String text(Object submit) {
        return ((SgipSubmitRequestMessage) submit).getMsgContent();
    }

    @Override
    Object answer(Object part, int result) {
        SgipSubmitRequestMessage e = (SgipSubmitRequestMessage) part;
        SgipSubmitResponseMessage resp = new SgipSubmitResponseMessage(e.getHeader());
        resp.setTimestamp(e.getTimestamp());
        resp.setResult((short) result);
        return resp;
    }

    /** The Report names the submit by its Sequence Number, and goes on the SMG's own link to the SP. */
    @Override
    void report(Object part, Object answer) {
        SgipSubmitRequestMessage e = (SgipSubmitRequestMessage) part;
        if (e.getReportflag() != 1) {
            return;
        }
        SgipReportRequestMessage r = new SgipReportRequestMessage();
        r.setSequenceId(e.getSequenceNumber());
        r.setReporttype((short) 0);
        r.setUsernumber(e.getUsernumber()[0]);
        r.setState((short) 0);
        r.setErrorcode((short) 0);
        ChannelUtil.asyncWriteToEntity(back, r);
    }
}
