package cn.keyaccount.notice.gateway;

import java.util.Map;

/**
 * A CMPP_SUBMIT_RESP result code and what it means (CMPP 3.0 §7.4.3.2; 2.0 uses 0–9 alike). Only 8 (flow control)
 * is worth another try later: the others say the message itself or the account is wrong.
 */
public record CmppResult(long code, String meaning) {

    private static final Map<Long, String> MEANINGS = Map.ofEntries(
            Map.entry(0L, "accepted"),
            Map.entry(1L, "message structure error"),
            Map.entry(2L, "command word error"),
            Map.entry(3L, "duplicate sequence number"),
            Map.entry(4L, "message length error"),
            Map.entry(5L, "fee code error"),
            Map.entry(6L, "message too long"),
            Map.entry(7L, "service code error"),
            Map.entry(8L, "flow control: too fast"),
            Map.entry(9L, "this gateway does not serve the number"),
            Map.entry(10L, "Src_Id error"),
            Map.entry(11L, "Msg_src error"),
            Map.entry(12L, "Fee_terminal_Id error"),
            Map.entry(13L, "Dest_terminal_Id error"));

    static CmppResult of(long code) {
        return new CmppResult(code, MEANINGS.getOrDefault(code, "other error"));
    }

    boolean isTransient() {
        return code == 8;
    }

    @Override
    public String toString() {
        return "result " + code + " (" + meaning + ")";
    }
}
