package cn.keyaccount.notice;

import static cn.keyaccount.notice.NoticeFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.support.LoopbackServers;
import cn.keyaccount.support.RecordingSmsc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, one schedule: a second dispatcher with its own SMPP link, journal, send window and node name claims
 * beside the first on the same database; the SMS centre counts every submit.
 */
@QuarkusTest
class TwoNodeDispatchTest {

    private static final int RECIPIENTS = 300;

    @Inject
    NoticeService notices;
    @Inject
    NoticeDispatcher nodeA;
    @Inject
    NoticeOutbox outbox;
    @Inject
    NoticeConfig config;
    @Inject
    EmailChannel email;
    @Inject
    NoticeFixtures fx;
    @Inject
    NoticeMetrics metrics;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
    }

    @Test
    void two_nodes_sending_one_notice_of_three_hundred_submit_each_message_exactly_once() throws Exception {
        long customer = fx.someCustomer(40);
        List<ContactDetails> people = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            people.add(fx.contact(customer, true, false, null, null));
        }
        SmppChannel linkB = new SmppChannel(config, outbox);
        SendJournal journalB = new SendJournal(outbox);
        NoticeDispatcher nodeB = new NoticeDispatcher(java.time.Clock.systemUTC(), outbox, journalB, linkB, email, config,
                metrics);
        try {
            NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general")
                    .title("双节点").contacts(people.stream().map(ContactDetails::id).toList()).channels(Set.of(Channel.SMS))
                    .parameters(Map.of("title", "双节点", "text", "两个节点同时发送")).urgent(true).build());
            assertEquals(RECIPIENTS, n.total());
            List<CompletableFuture<Integer>> nodes = new ArrayList<>();
            for (var node : List.of(Map.entry("node-a", nodeA), Map.entry("node-b", nodeB))) {
                nodes.add(CompletableFuture.supplyAsync(() -> {
                    int claimed = 0;
                    for (int i = 0; i < 40; i++) {
                        claimed += node.getValue().dispatchBatch(node.getKey());
                    }
                    return claimed;
                }));
            }
            CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get();
            List<MessageDetails> done = fx.await(n.id(), m -> m.state().isFinal(), Duration.ofSeconds(30));

            assertTrue(done.stream().allMatch(m -> m.state() == MessageState.DELIVERED), "all delivered");
            Map<String, Long> perMobile = LoopbackServers.smsc().submits().stream()
                    .map(RecordingSmsc.Submit::destination)
                    .filter(d -> people.stream().anyMatch(p -> p.mobile().equals(d)))
                    .collect(Collectors.groupingBy(d -> d, Collectors.counting()));
            assertEquals(RECIPIENTS, perMobile.size(), "every recipient reached");
            assertTrue(perMobile.values().stream().allMatch(c -> c == 1), "each exactly once: " + perMobile);
        } finally {
            nodeB.stop();
            journalB.stop();
            linkB.close();
        }
    }
}
