package cn.keyaccount.servicerequest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service-request settings ({@code keyaccount.service-requests.*}). */
@ConfigMapping(prefix = "keyaccount.service-requests")
public interface ServiceRequestConfig {

    /** Inbound SMS replies that become requests. */
    Sms sms();

    /**
     * Which SMS replies become a 咨询 request (source SMS): a reply matched to a key customer's contact that is no
     * keyword (confirming a visit, acknowledging a warning) and asks something — see {@link SmsRequests}.
     */
    interface Sms {

        /** Whether replies become requests at all (false: they are only stored and listed). */
        @WithDefault("true")
        boolean enabled();

        /** Whether a question mark (? or ？) alone makes a reply a request, however short. */
        @WithDefault("true")
        boolean questionMark();

        /**
         * From how many letters or digits (punctuation and blanks not counted) a reply without a question mark is a
         * request; "好的，谢谢" (4) and "收到" (2) stay acknowledgements. 0: the length alone never makes one.
         */
        @WithDefault("8")
        int minLetters();
    }
}
