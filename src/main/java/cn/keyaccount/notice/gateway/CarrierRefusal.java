package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.SendFailure;

/** A gateway's "no" to a submit, with its result code and what it means (shown in the connection test). */
final class CarrierRefusal extends SendFailure {

    private final transient CarrierResult result;

    CarrierRefusal(String message, Kind kind, CarrierResult result) {
        super(message, kind, null);
        this.result = result;
    }

    CarrierResult result() {
        return result;
    }
}
