package cn.keyaccount.notice;

import java.time.Instant;

/**
 * A message a customer sent back to one of our SMS numbers (上行短信), as a gateway delivered it: the provider it came
 * through (its configured name), the sender's mobile, the number it was sent to (our source number with any extension)
 * and the text, decoded.
 */
public record InboundSms(String provider, String fromMobile, String toNumber, String text, Instant receivedAt) {
}
