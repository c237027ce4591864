package cn.keyaccount.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports this node's link to the SMS centre (and to each CMPP provider, by name) in the readiness answer ({@code /q/health/ready}), and never fails it:
 * the link is the node's own, and messages wait in the shared outbox for whichever node can send them, so a link that
 * is down must not take this node's screens away from the load balancer — nor, when the SMS centre itself is away,
 * every node's screens at once. The state is reported (and is a metric, {@code keyaccount_notice_sms_link}) for the
 * operator to alert on. See docs/monitoring.md.
 */
@Readiness
@ApplicationScoped
class SmsLinkReadiness implements HealthCheck {

    static final String NAME = "SMS centre link";

    private final SmppChannel sms;
    private final cn.keyaccount.notice.gateway.SmsProviders providers;

    SmsLinkReadiness(SmppChannel sms, cn.keyaccount.notice.gateway.SmsProviders providers) {
        this.sms = sms;
        this.providers = providers;
    }

    @Override
    public HealthCheckResponse call() {
        // the state only: the readiness answer is open to anyone who reaches the node (the failure is in the log and
        // in the messages' error column)
        var answer = HealthCheckResponse.named(NAME).up().withData("state", sms.linkState().name().toLowerCase());
        // each other provider (CMPP, SGIP, SMGP accounts) by its name: "cmcc": "up"
        for (cn.keyaccount.notice.gateway.SmsGateway p : providers.enabled()) {
            if (!p.name().equals("default") && !p.name().equals("state")) {
                answer = answer.withData(p.name(), p.linkState().name().toLowerCase());
            }
        }
        return answer.build();
    }
}
