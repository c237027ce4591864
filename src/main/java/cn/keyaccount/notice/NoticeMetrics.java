package cn.keyaccount.notice;

import cn.keyaccount.base.CachedReading;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notice engine's metrics (docs/monitoring.md). Outcomes are counted where this node records them
 * ({@code keyaccount_notice_outcomes_total{channel, outcome}}: sent, delivered, retry, failed, expired, deferred,
 * uncertain);
 * the messages waiting, in flight and uncertain come from the database over all nodes
 * ({@code keyaccount_notice_messages{channel, state}}), from one query over the partial indexes of those states, read
 * at most every few seconds; the SMS centre link is a state set ({@code keyaccount_notice_sms_link{state}}: 1 for
 * the state it is in).
 */
@Startup
@ApplicationScoped
class NoticeMetrics {

    /** The states of messages not settled yet: queued (due or waiting for their time), being sent, uncertain. */
    static final MessageState[] OPEN = {MessageState.SCHEDULED, MessageState.SENDING, MessageState.UNCERTAIN};

    private static final String OPEN_COUNTS = """
            select channel, 'SCHEDULED', count(*) from notice_message where state = 'SCHEDULED' group by channel
            union all
            select channel, 'SENDING', count(*) from notice_message where state = 'SENDING' group by channel
            union all
            select channel, 'UNCERTAIN', count(*) from notice_message where state = 'UNCERTAIN' group by channel""";

    private final MeterRegistry registry;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    NoticeMetrics(MeterRegistry registry, AgroalDataSource dataSource, SmppChannel sms,
                  cn.keyaccount.notice.gateway.SmsProviders providers) {
        this.registry = registry;
        CachedReading<Map<String, Long>> open = new CachedReading<>(() -> read(dataSource), Map.of());
        for (Channel channel : Channel.values()) {
            for (MessageState state : OPEN) {
                String key = channel + "/" + state;
                Gauge.builder("keyaccount.notice.messages", open, o -> o.get().getOrDefault(key, 0L))
                        .tags("channel", channel.name(), "state", state.name()).strongReference(true)
                        .description("Notice messages not settled yet, all nodes").register(registry);
            }
        }
        for (SmppChannel.LinkState state : SmppChannel.LinkState.values()) {
            Gauge.builder("keyaccount.notice.sms.link", sms, s -> s.linkState() == state ? 1 : 0)
                    .tag("state", state.name().toLowerCase()).strongReference(true)
                    .description("This node's link to the SMS centre: 1 for the state it is in").register(registry);
        }
        // every provider of keyaccount.sms.providers (CMPP, SGIP, SMGP accounts) and the SMPP one as "default"
        for (cn.keyaccount.notice.gateway.SmsGateway provider : providers.enabled()) {
            for (cn.keyaccount.notice.gateway.SmsGateway.LinkState state
                    : cn.keyaccount.notice.gateway.SmsGateway.LinkState.values()) {
                Gauge.builder("keyaccount.notice.sms.provider.link", provider, g -> g.linkState() == state ? 1 : 0)
                        .tags("provider", provider.name(), "protocol", provider.protocol(),
                                "state", state.name().toLowerCase())
                        .strongReference(true)
                        .description("This node's link to each SMS provider: 1 for the state it is in")
                        .register(registry);
            }
        }
    }

    /** Counts the outcome once the journal has recorded it (not when the claim was taken over meanwhile). */
    CompletableFuture<Boolean> counted(Channel channel, NoticeOutbox.Outcome outcome,
                                       CompletableFuture<Boolean> recorded) {
        return recorded.thenApply(applied -> {
            if (applied) {
                outcome(channel, name(outcome)).increment();
            }
            return applied;
        });
    }

    /** Counts what a recovery pass settled: requeued (never submitted) and uncertain (submitted, no answer kept). */
    void recovered(NoticeOutbox.Recovery r) {
        registry.counter("keyaccount.notice.recovered", "result", "requeued").increment(r.requeued());
        registry.counter("keyaccount.notice.recovered", "result", "uncertain").increment(r.uncertain());
    }

    private Counter outcome(Channel channel, String outcome) {
        return outcomes.computeIfAbsent(channel + "/" + outcome, k -> Counter.builder("keyaccount.notice.outcomes")
                .tags("channel", channel.name(), "outcome", outcome)
                .description("Notice messages settled by this node, by channel and outcome").register(registry));
    }

    private static String name(NoticeOutbox.Outcome outcome) {
        return switch (outcome) {
            case NoticeOutbox.Sent s -> "sent";
            case NoticeOutbox.Delivered d -> "delivered";
            case NoticeOutbox.Retry r -> "retry";
            case NoticeOutbox.Failed f -> "failed";
            case NoticeOutbox.Expired e -> "expired";
            case NoticeOutbox.Deferred d -> "deferred";
            case NoticeOutbox.Uncertain u -> "uncertain";
        };
    }

    private static Map<String, Long> read(AgroalDataSource dataSource) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(OPEN_COUNTS);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(r.getString(1) + "/" + r.getString(2), r.getLong(3));
            }
        }
        return counts;
    }
}
