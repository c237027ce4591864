/**
 * The SMS providers of the notice engine: the carriers' gateways an SMS goes through and the rule that picks one.
 *
 * <p>Owns the carriers' channels over Lihuanghe's SMSGate — CMPP 2.0/3.0 (China Mobile,
 * {@link cn.keyaccount.notice.gateway.CmppGateway}), SGIP 1.2 (China Unicom,
 * {@link cn.keyaccount.notice.gateway.SgipGateway}) and SMGP (China Telecom,
 * {@link cn.keyaccount.notice.gateway.SmgpGateway}), whose window, rate, reconnect, reports, replies and "never twice"
 * rules are one {@link cn.keyaccount.notice.gateway.CarrierGateway} — the provider list and rule with its failover
 * ({@link cn.keyaccount.notice.gateway.SmsProviders}: first healthy provider that takes the number; on to the next
 * only when nothing was submitted, so never a message twice), the settings ({@link
 * cn.keyaccount.notice.gateway.SmsConfig}, {@code keyaccount.sms.*}) and the administrators' connection test ({@link
 * cn.keyaccount.notice.gateway.SmsConnectionTest}). The SMPP account of {@code keyaccount.notice.smpp} joins as
 * the provider "default" ({@code notice.SmppProvider}). See docs/sms-gateways.md.
 *
 * <p><b>Depends on</b> {@code notice} (its {@code SendFailure} kinds, {@code DeliveryReports} for status reports,
 * {@code InboundSmsSink} for customers' replies), {@code customer} (the mobile number format), {@code audit},
 * {@code security} and {@code base}. The dispatcher calls it; it never reads or writes the outbox itself.
 */
package cn.keyaccount.notice.gateway;
