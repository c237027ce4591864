package cn.keyaccount.notice;

/** How a message reaches its recipient: SMS over SMPP, e-mail over SMTP, or the customer portal's inbox. */
public enum Channel {
    SMS, EMAIL, PORTAL
}
