package cn.keyaccount.notice;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * What the dispatcher writes down around each send, in small group commits: "about to submit" (committed before the
 * provider is asked, and only while the claim is still this attempt's) and the outcome right after the provider's
 * answer. One writer thread takes whatever the senders queued meanwhile and commits it in one transaction, so a
 * window of parallel senders shares commits instead of waiting for one each, and a crash loses at most the answers
 * of the messages in flight: those become UNCERTAIN on recovery rather than being sent again.
 */
@ApplicationScoped
class SendJournal {

    private static final Logger LOG = Logger.getLogger(SendJournal.class);
    /** The most entries one commit takes. */
    private static final int MAX_GROUP = 1000;

    /** Something to write: a start mark or an outcome, with the claim token it belongs to. */
    private record Entry(long id, UUID token, NoticeOutbox.Outcome outcome, CompletableFuture<Boolean> done) {
    }

    private final NoticeOutbox outbox;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    SendJournal(NoticeOutbox outbox) {
        this.outbox = outbox;
        this.writer = Thread.ofPlatform().name("notice-journal").daemon().start(this::writeLoop);
    }

    /**
     * Marks a message as being submitted now; completes with true once committed while the claim is still this
     * token's (false: another node took it over, so it must not be submitted).
     */
    CompletableFuture<Boolean> starting(long id, UUID token) {
        return enqueue(new Entry(id, token, null, new CompletableFuture<>()));
    }

    /** Records an attempt's outcome; completes once committed (false when the claim was no longer this token's). */
    CompletableFuture<Boolean> record(NoticeOutbox.Outcome outcome, UUID token) {
        return enqueue(new Entry(outcome.id(), token, outcome, new CompletableFuture<>()));
    }

    private CompletableFuture<Boolean> enqueue(Entry e) {
        if (!running) {
            e.done().completeExceptionally(new IllegalStateException("notice journal stopped"));
        } else {
            queue.add(e);
        }
        return e.done();
    }

    private void writeLoop() {
        List<Entry> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Entry> group) {
        List<NoticeOutbox.Mark> marks = new ArrayList<>(group.size());
        for (Entry e : group) {
            marks.add(new NoticeOutbox.Mark(e.id(), e.token(), e.outcome()));
        }
        boolean[] applied;
        try {
            applied = outbox.journal(marks);
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "Notice journal write of %d entries failed", group.size());
            group.forEach(e -> e.done().completeExceptionally(ex));
            return;
        }
        // the senders waiting for their start marks go first: every moment between a mark's commit and its submit is
        // one in which a crash leaves an UNCERTAIN message that never left
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(applied[i]);
        }
        try {
            outbox.matchReceiptsOfSent(marks);
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "Matching early receipts to the sent messages among %d journal entries failed", group.size());
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stop();
    }

    /** Stops the writer; what is queued is still written (a crash is what recovery is for). */
    void stop() throws InterruptedException {
        running = false;
        writer.join(5000);
    }
}
