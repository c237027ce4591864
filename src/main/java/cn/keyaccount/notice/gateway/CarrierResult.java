package cn.keyaccount.notice.gateway;

import java.util.Map;
import java.util.Set;

/**
 * A gateway's answer code to a submit and what it means, per protocol: CMPP_SUBMIT_RESP Result (CMPP 3.0 §7.4.3.2;
 * 2.0 uses 0–9 alike), SGIP Submit_Resp Result (SGIP 1.2 §5.2, 表 5-2) and SMGP Submit_Resp Status (SMGP 3.0.3
 * §6.2.6). Only the "too fast / busy" codes are worth another try later (CMPP 8, SGIP 11 and 33, SMGP 1): the others
 * say the message itself or the account is wrong. The screens translate the code ({@code gateway.<protocol>.result.N}).
 */
public record CarrierResult(String protocol, long code, String meaning) {

    private static final Map<Long, String> CMPP = Map.ofEntries(
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

    private static final Map<Long, String> SGIP = Map.ofEntries(
            Map.entry(0L, "accepted"),
            Map.entry(1L, "illegal login"),
            Map.entry(2L, "repeated login"),
            Map.entry(3L, "too many connections"),
            Map.entry(4L, "wrong login type"),
            Map.entry(5L, "parameter format error"),
            Map.entry(6L, "illegal mobile number"),
            Map.entry(7L, "message id error"),
            Map.entry(8L, "message length error"),
            Map.entry(9L, "illegal sequence number"),
            Map.entry(10L, "illegal GNS operation"),
            Map.entry(11L, "node busy"),
            Map.entry(21L, "destination unreachable"),
            Map.entry(22L, "routing error"),
            Map.entry(23L, "no route"),
            Map.entry(24L, "charge number invalid"),
            Map.entry(25L, "user cannot communicate"),
            Map.entry(26L, "handset memory full"),
            Map.entry(27L, "handset does not support SMS"),
            Map.entry(28L, "handset error receiving the SMS"),
            Map.entry(29L, "unknown user"),
            Map.entry(30L, "function not provided"),
            Map.entry(31L, "illegal device"),
            Map.entry(32L, "system failure"),
            Map.entry(33L, "SMSC queue full"));

    private static final Map<Long, String> SMGP = Map.ofEntries(
            Map.entry(0L, "accepted"),
            Map.entry(1L, "system busy"),
            Map.entry(2L, "too many connections"),
            Map.entry(10L, "message structure error"),
            Map.entry(11L, "command word error"),
            Map.entry(12L, "duplicate sequence number"),
            Map.entry(20L, "IP address error"),
            Map.entry(21L, "authentication error"),
            Map.entry(22L, "version too high"),
            Map.entry(30L, "illegal MsgType"),
            Map.entry(31L, "illegal priority"),
            Map.entry(32L, "illegal FeeType"),
            Map.entry(33L, "illegal FeeCode"),
            Map.entry(34L, "illegal MsgFormat"),
            Map.entry(35L, "illegal time format"),
            Map.entry(36L, "illegal MsgLength"),
            Map.entry(37L, "validity period expired"),
            Map.entry(39L, "routing error"),
            Map.entry(43L, "illegal ServiceId"),
            Map.entry(44L, "illegal ValidTime"),
            Map.entry(45L, "illegal AtTime"),
            Map.entry(46L, "illegal SrcTermId"),
            Map.entry(47L, "illegal DestTermId"),
            Map.entry(48L, "illegal ChargeTermId"),
            Map.entry(49L, "illegal SPCode"),
            Map.entry(58L, "no matching route"),
            Map.entry(69L, "illegal SP id"),
            Map.entry(73L, "illegal MServiceID"),
            Map.entry(74L, "SP not allowed to send at this time"),
            Map.entry(75L, "SP daily volume exceeded"),
            Map.entry(76L, "SP account expired"));

    private static final Map<String, Map<Long, String>> MEANINGS = Map.of("CMPP", CMPP, "SGIP", SGIP, "SMGP", SMGP);
    private static final Map<String, Set<Long>> TRANSIENT = Map.of("CMPP", Set.of(8L), "SGIP", Set.of(11L, 33L),
            "SMGP", Set.of(1L));

    /** The code of a protocol family: CMPP, SGIP or SMGP. */
    static CarrierResult of(String protocol, long code) {
        return new CarrierResult(protocol, code, MEANINGS.getOrDefault(protocol, Map.of())
                .getOrDefault(code, "other error"));
    }

    /** Whether the code has a meaning of its own (else the screens say "other error"). */
    public static boolean known(String protocol, long code) {
        return MEANINGS.getOrDefault(protocol, Map.of()).containsKey(code);
    }

    boolean isTransient() {
        return TRANSIENT.getOrDefault(protocol, Set.of()).contains(code);
    }

    @Override
    public String toString() {
        return "result " + code + " (" + meaning + ")";
    }
}
