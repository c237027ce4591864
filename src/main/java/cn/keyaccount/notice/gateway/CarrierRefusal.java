package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.SendFailure;

/** A gateway's "no" to a submit, with its result code (shown in the connection test). */
final class CarrierRefusal extends SendFailure {

    private final transient CmppResult result;

    CarrierRefusal(String message, Kind kind, CmppResult result) {
        super(message, kind, null);
        this.result = result;
    }

    CmppResult result() {
        return result;
    }
}
