package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.DeliveryReports;
import cn.keyaccount.notice.InboundSmsSink;
import cn.keyaccount.notice.SendFailure;
import cn.keyaccount.notice.SubmitGate;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SMS providers and the rule that picks one per message: the providers in their order ({@code keyaccount.sms.order},
 * else "default" — the SMPP account — first, then the others by name), those whose mobile prefixes do not take the
 * number left out, those whose link is down moved to the end; the first that takes the submit sends. Failover is only
 * ever for a link that was down before anything was written ({@link SendFailure.Kind#LINK_DOWN}): a submit that went out
 * and was not answered is UNCERTAIN and stays with its provider, so that no message goes out twice.
 */
@ApplicationScoped
public class SmsProviders {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SmsProviders.class);

    private final List<SmsGateway> gateways;

    @Inject
    SmsProviders(SmsConfig config, Instance<SmsGateway> beans, DeliveryReports reports,
                 Instance<InboundSmsSink> inbound, Clock clock) {
        Map<String, SmsGateway> byName = new TreeMap<>();
        beans.forEach(g -> byName.put(g.name(), g));
        config.providers().forEach((name, p) -> {
            if (!name.matches("[a-z0-9]{1,20}")) {
                throw new IllegalStateException("keyaccount.sms.providers." + name
                        + ": a provider's name is 1–20 lower-case letters and digits");
            }
            if (byName.containsKey(name)) {
                throw new IllegalStateException("keyaccount.sms.providers." + name + ": the name is taken");
            }
            byName.put(name, account(name, p, reports, sink(inbound), clock));
        });
        this.gateways = ordered(byName, config.order());
    }

    private SmsProviders(List<SmsGateway> gateways) {
        this.gateways = List.copyOf(gateways);
    }

    /**
     * An account at a carrier's gateway by its {@code type}: CMPP, SGIP or SMGP (a provider of the configuration, or
     * one a test or the benchmark makes).
     */
    public static SmsGateway account(String name, SmsConfig.Provider config, DeliveryReports reports,
                                     InboundSmsSink inbound, Clock clock) {
        return switch (config.type()) {
            case "cmpp" -> new CmppGateway(name, config, reports, inbound, clock);
            case "sgip" -> new SgipGateway(name, config, reports, inbound, clock);
            case "smgp" -> new SmgpGateway(name, config, reports, inbound, clock);
            default -> throw new IllegalStateException("keyaccount.sms.providers." + name + ".type=" + config.type()
                    + ": cmpp, sgip or smgp; the SMPP account is keyaccount.notice.smpp.* (provider \"default\")");
        };
    }

    /** The replies store, or, while there is none, a sink that logs what it drops. */
    private static InboundSmsSink sink(Instance<InboundSmsSink> inbound) {
        if (inbound.isResolvable()) {
            return inbound.get();
        }
        return sms -> LOG.warnf("Reply from %s through %s dropped: no replies store", sms.fromMobile(), sms.provider());
    }

    /** These providers in this order (a second node's own links in tests). */
    public static SmsProviders of(List<SmsGateway> gateways) {
        return new SmsProviders(gateways);
    }

    private static List<SmsGateway> ordered(Map<String, SmsGateway> byName, Optional<List<String>> order) {
        Map<String, SmsGateway> left = new LinkedHashMap<>(byName);
        List<SmsGateway> out = new ArrayList<>();
        List<String> first = order.orElse(List.of("default"));
        for (String name : first) {
            SmsGateway g = left.remove(name.trim());
            if (g == null && order.isPresent()) {
                throw new IllegalStateException("keyaccount.sms.order names " + name + ", which is no provider "
                        + "(known: " + byName.keySet() + ")");
            }
            if (g != null) {
                out.add(g);
            }
        }
        out.addAll(left.values());
        return List.copyOf(out);
    }

    /** The providers in the rule's order. */
    public List<SmsGateway> all() {
        return gateways;
    }

    /** The providers that can send (the SMPP account only when enabled). */
    public List<SmsGateway> enabled() {
        return gateways.stream().filter(SmsGateway::enabled).toList();
    }

    public Optional<SmsGateway> named(String name) {
        return gateways.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** Whether any provider can send at all (the SMPP account enabled, or another configured). */
    public boolean any() {
        return gateways.stream().anyMatch(SmsGateway::enabled);
    }

    /** Whether a provider's link is up now. */
    public boolean anyUp() {
        return gateways.stream().anyMatch(g -> g.linkState() == SmsGateway.LinkState.UP);
    }

    /** The dispatcher's send window over all providers. */
    public int totalWindow() {
        return gateways.stream().mapToInt(SmsGateway::window).sum();
    }

    /**
     * Sends through the first provider the rule picks; on to the next only while the link of the one tried was down
     * (nothing was submitted). Returns the message id to record (the provider's name is part of it, except for the
     * default SMPP account's).
     */
    public String send(String mobile, String text, SubmitGate gate) throws SendFailure {
        SubmitGate once = gate.once();
        List<SmsGateway> candidates = new ArrayList<>();
        List<SmsGateway> down = new ArrayList<>();
        for (SmsGateway g : gateways) {
            if (g.enabled() && g.takes(mobile)) {
                (g.linkState() == SmsGateway.LinkState.DOWN ? down : candidates).add(g);
            }
        }
        candidates.addAll(down);
        if (candidates.isEmpty()) {
            throw SendFailure.permanent(gateways.size() <= 1
                    ? "SMS channel disabled (keyaccount.notice.smpp.enabled=false, no keyaccount.sms.providers)"
                    : "no SMS provider takes " + mobile + " (keyaccount.sms.providers.*.prefixes)");
        }
        SendFailure last = null;
        for (SmsGateway g : candidates) {
            try {
                return g.send(mobile, text, once);
            } catch (SendFailure e) {
                if (e.kind() != SendFailure.Kind.LINK_DOWN) {
                    throw e;
                }
                if (g != candidates.getLast()) {
                    LOG.infof("SMS provider %s took nothing (%s); the message goes to the next that takes its number",
                            g.name(), e.getMessage());
                }
                last = e;
            }
        }
        throw last;
    }

    /** The carriers' accounts log in at startup (SGIP's also listen), so that the first messages find them up. */
    void onStart(@Observes StartupEvent event) {
        gateways.stream().filter(CarrierGateway.class::isInstance).map(CarrierGateway.class::cast)
                .forEach(CarrierGateway::connect);
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /** Closes the carriers' links. */
    public void close() {
        gateways.stream().filter(CarrierGateway.class::isInstance).map(CarrierGateway.class::cast)
                .forEach(CarrierGateway::close);
    }
}
