package cn.keyaccount.servicerequest;

/**
 * Where a request came from: the customer in the portal, a phone call the manager entered, a visit's 诉求, or an
 * inbound SMS reply (matched to the customer by mobile through the notice feature's replies store; see SmsRequests).
 */
public enum RequestSource {
    PORTAL, PHONE, VISIT, SMS
}
