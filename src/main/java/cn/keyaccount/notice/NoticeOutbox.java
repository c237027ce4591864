package cn.keyaccount.notice;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The outbox tables in SQL. Sending once rests on three writes per message, each committed before the next step:
 * the claim (SCHEDULED → SENDING with {@code for update skip locked} and a token for this attempt: two nodes never
 * claim the same row), the start mark ({@code submit_started_at}, written just before the provider is asked and only
 * while the claim is still the token's) and the outcome (provider id right after the answer, also only under the
 * token). A node that dies leaves rows SENDING; {@link #recoverStale} returns those never started to the queue and
 * turns those started without an outcome UNCERTAIN: matched later by a delivery receipt to the same handset, or left
 * to a scheduler's decision, never sent again on their own.
 * <p>
 * Why one class of ~490 lines: every statement that changes a message's state is here (the COPY of the fan-out, the
 * claim, the journal's start marks and outcomes, receipts, recovery, retries and decisions), each guarded by the same
 * claim token and state conditions. The "sent once" argument holds only if all of them agree, and a reviewer checks
 * that on one page; split by step, a change to one guard could miss the others. The JDBC plumbing (the COPY encoding)
 * is small and private.
 */
@ApplicationScoped
class NoticeOutbox {

    /** A message to write at fan-out: to a customer's contact or inbox, or to a staff user ({@code userId}). */
    record NewMessage(Long customerId, Long contactId, String recipientName, Channel channel, String address,
                      String subject, String body, int segments, Instant dueAt, Instant expiresAt, boolean urgent,
                      LocalTime quietFrom, LocalTime quietTo, Long userId) {

        NewMessage(long customerId, Long contactId, String recipientName, Channel channel, String address,
                   String subject, String body, int segments, Instant dueAt, Instant expiresAt, boolean urgent,
                   LocalTime quietFrom, LocalTime quietTo) {
            this(customerId, contactId, recipientName, channel, address, subject, body, segments, dueAt, expiresAt,
                    urgent, quietFrom, quietTo, null);
        }

        /** The idempotency key's recipient part: the contact, 0 for a customer's inbox, minus the staff user id. */
        long recipientKey() {
            return userId != null ? -userId : contactId == null ? 0 : contactId;
        }

        /** The idempotency key within a notice, as the unique index {@code notice_message_once_uq} has it. */
        Key key() {
            return new Key(customerId == null ? 0 : customerId, recipientKey(), channel);
        }
    }

    /** One recipient × channel of a notice: at most one message each. */
    record Key(long customerId, long recipientKey, Channel channel) {
    }

    /** A message claimed for sending under {@code token}. */
    record Claimed(long id, UUID token, Channel channel, String address, String subject, String body, int attempts,
                   Instant expiresAt, boolean urgent, LocalTime quietFrom, LocalTime quietTo) {
    }

    /** What became of one attempt. */
    sealed interface Outcome {
        long id();
    }

    record Sent(long id, String providerMessageId) implements Outcome {
    }

    record Delivered(long id) implements Outcome {
    }

    record Retry(long id, Instant at, String error) implements Outcome {
    }

    record Failed(long id, String error) implements Outcome {
    }

    record Expired(long id) implements Outcome {
    }

    /** Submitted without an answer (the gateway may have it): UNCERTAIN, settled by its delivery report. */
    record Uncertain(long id, String error) implements Outcome {
    }

    /** Not now (quiet hours): back to the queue without counting an attempt. */
    record Deferred(long id, Instant at) implements Outcome {
    }

    /** One journal entry: a start mark (no outcome) or an outcome, under the claim's token. */
    record Mark(long id, UUID token, Outcome outcome) {
    }

    /** What a recovery pass found: never started (back to the queue) and started without an outcome (uncertain). */
    record Recovery(int requeued, int uncertain, int matchedByReceipt) {
        int total() {
            return requeued + uncertain;
        }
    }

    private static final String CLAIM = """
            with due as (
                select id from notice_message
                 where state = 'SCHEDULED' and next_attempt_at <= now()
                 order by next_attempt_at, id
                 limit ?
                 for update skip locked)
            update notice_message m
               set state = 'SENDING', claimed_by = ?, claimed_at = now(), claim_token = ?::uuid,
                   submit_started_at = null, attempts = m.attempts + 1, version = m.version + 1
              from due
             where m.id = due.id
            returning m.id, m.channel, m.address, m.subject, m.body, m.attempts, m.expires_at, m.urgent,
                      m.quiet_from, m.quiet_to""";

    private final AgroalDataSource dataSource;
    private final EntityManager em;

    NoticeOutbox(AgroalDataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    private static final String COPY = "copy notice_message (notice_id, customer_id, contact_id, recipient_name, "
            + "channel, address, subject, body, segments, next_attempt_at, expires_at, urgent, quiet_from, quiet_to, "
            + "recipient_key, user_id) from stdin";

    /**
     * Writes the messages of a notice created in the caller's transaction, with one COPY stream rather than a
     * statement per row (a notice to 5,000 customers has some 30,000 messages), made while the stream is open:
     * {@code messages} hands each to its sink, and every 60 kB of rows goes to the database as soon as it is made, so
     * that PostgreSQL stores one chunk while the next is being built. {@code messages} must not use the database (its
     * connection is busy with the COPY). The rows must be unique by {@link NewMessage#key} (the fan-out leaves out a
     * repeated recipient × channel); the unique index {@code notice_message_once_uq} refuses a second message for the
     * same key, failing the transaction, so that no recipient is ever written twice. Returns how many were written.
     */
    int insert(long noticeId, Consumer<Consumer<NewMessage>> messages) {
        int[] written = {0};
        em.unwrap(Session.class).doWork(c -> {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                StringBuilder line = new StringBuilder(64 * 1024);
                messages.accept(m -> {
                    row(line, noticeId, m);
                    written[0]++;
                    if (line.length() >= 60 * 1024) {
                        write(copy, line);
                    }
                });
                write(copy, line);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        return written[0];
    }

    private static void row(StringBuilder line, long noticeId, NewMessage m) {
        line.append(noticeId).append('\t');
        field(line, m.customerId()).append('\t');
        field(line, m.contactId()).append('\t');
        field(line, truncate(m.recipientName(), 100)).append('\t');
        field(line, m.channel().name()).append('\t');
        field(line, m.address()).append('\t');
        field(line, m.subject() == null ? null : truncate(m.subject(), 300)).append('\t');
        field(line, m.body()).append('\t');
        line.append(m.segments()).append('\t');
        field(line, m.dueAt()).append('\t');
        field(line, m.expiresAt()).append('\t');
        line.append(m.urgent()).append('\t');
        field(line, m.quietFrom()).append('\t');
        field(line, m.quietTo()).append('\t');
        line.append(m.recipientKey()).append('\t');
        field(line, m.userId()).append('\n');
    }

    private static void write(CopyIn copy, StringBuilder line) {
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("Writing notice messages failed", e);
        }
        line.setLength(0);
    }

    /** One field in COPY's text format: {@code \N} for null; backslash, tab and line breaks escaped. */
    private static StringBuilder field(StringBuilder line, Object value) {
        if (value == null) {
            return line.append("\\N");
        }
        String s = value.toString();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String escaped = switch (s.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                line.append(s, from, i).append(escaped);
                from = i + 1;
            }
        }
        line.append(s, from, s.length());
        return line;
    }

    /** Claims up to {@code limit} due messages for {@code node} under a fresh token, committed before any is sent. */
    List<Claimed> claim(String node, int limit) {
        UUID token = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            c.setAutoCommit(true);
            ps.setInt(1, limit);
            ps.setString(2, node);
            ps.setString(3, token.toString());
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), token, Channel.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                            rs.getBoolean(8), rs.getObject(9, LocalTime.class), rs.getObject(10, LocalTime.class)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming notice messages failed", e);
        }
    }

    private static final String OWNED = " where id = ? and claim_token = ?::uuid and state = 'SENDING'";

    /**
     * Writes journal entries in one transaction: start marks ({@code submit_started_at}) and outcomes, each only
     * where the claim is still the entry's token ({@link #matchReceiptsOfSent} follows). Returns per entry whether it applied (false: the claim was taken over, so the message must not be
     * submitted, or its outcome is someone else's to record).
     */
    boolean[] journal(List<Mark> marks) {
        boolean[] applied = new boolean[marks.size()];
        if (marks.isEmpty()) {
            return applied;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement start = c.prepareStatement("update notice_message set submit_started_at = now()"
                    + OWNED + " and submit_started_at is null");
                 PreparedStatement sent = c.prepareStatement("update notice_message set state = 'SENT', "
                    + "sent_at = now(), provider_message_id = ?, error = null, version = version + 1" + OWNED);
                 PreparedStatement delivered = c.prepareStatement("update notice_message set state = 'DELIVERED', "
                         + "sent_at = now(), receipt_at = now(), error = null, version = version + 1" + OWNED);
                 PreparedStatement retry = c.prepareStatement("update notice_message set state = 'SCHEDULED', "
                         + "next_attempt_at = ?, error = ?, version = version + 1" + OWNED);
                 PreparedStatement deferred = c.prepareStatement("update notice_message set state = 'SCHEDULED', "
                         + "next_attempt_at = ?, attempts = attempts - 1, submit_started_at = null, "
                         + "version = version + 1" + OWNED);
                 PreparedStatement failed = c.prepareStatement("update notice_message set state = ?, error = ?, "
                         + "version = version + 1" + OWNED);
                 PreparedStatement uncertain = c.prepareStatement("update notice_message set state = 'UNCERTAIN', "
                         + "claim_token = null, error = ?, version = version + 1" + OWNED)) {
                List<List<Integer>> order = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                List<PreparedStatement> statements = List.of(start, sent, delivered, retry, deferred, failed,
                        uncertain);
                for (int i = 0; i < marks.size(); i++) {
                    Mark mark = marks.get(i);
                    int kind;
                    PreparedStatement ps;
                    int p = 1;
                    switch (mark.outcome()) {
                        case null -> {
                            kind = 0;
                            ps = start;
                        }
                        case Sent x -> {
                            kind = 1;
                            ps = sent;
                            ps.setString(p++, x.providerMessageId());
                        }
                        case Delivered x -> {
                            kind = 2;
                            ps = delivered;
                        }
                        case Retry x -> {
                            kind = 3;
                            ps = retry;
                            ps.setTimestamp(p++, Timestamp.from(x.at()));
                            ps.setString(p++, truncate(x.error(), 500));
                        }
                        case Deferred x -> {
                            kind = 4;
                            ps = deferred;
                            ps.setTimestamp(p++, Timestamp.from(x.at()));
                        }
                        case Failed x -> {
                            kind = 5;
                            ps = failed;
                            ps.setString(p++, MessageState.FAILED.name());
                            ps.setString(p++, truncate(x.error(), 500));
                        }
                        case Expired x -> {
                            kind = 5;
                            ps = failed;
                            ps.setString(p++, MessageState.EXPIRED.name());
                            ps.setString(p++, "expired before it could be sent");
                        }
                        case Uncertain x -> {
                            kind = 6;
                            ps = uncertain;
                            ps.setString(p++, truncate(x.error(), 500));
                        }
                    }
                    ps.setLong(p++, mark.id());
                    ps.setString(p, mark.token().toString());
                    ps.addBatch();
                    order.get(kind).add(i);
                }
                for (int k = 0; k < statements.size(); k++) {
                    if (order.get(k).isEmpty()) {
                        continue;
                    }
                    int[] counts = statements.get(k).executeBatch();
                    for (int j = 0; j < counts.length; j++) {
                        applied[order.get(k).get(j)] = counts[j] != 0;
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the notice journal failed", e);
        }
    }

    /**
     * Applies receipts that arrived before the provider ids of these messages were written (called once their
     * outcomes are committed, and after the senders waiting for their start marks have been let go).
     */
    void matchReceiptsOfSent(List<Mark> marks) {
        Long[] sentIds = marks.stream().filter(m -> m.outcome() instanceof Sent).map(Mark::id).toArray(Long[]::new);
        boolean uncertain = marks.stream().anyMatch(m -> m.outcome() instanceof Uncertain);
        if (sentIds.length == 0 && !uncertain) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (sentIds.length > 0) {
                try (PreparedStatement match = c.prepareStatement(MATCH_RECEIPTS + " and m.id = any(?)")) {
                    match.setArray(1, c.createArrayOf("bigint", sentIds));
                    match.executeUpdate();
                }
            }
            if (uncertain) {
                // a report that came before the outcome was written waited for it (the message was SENDING)
                try (PreparedStatement match = c.prepareStatement(MATCH_UNCERTAIN)) {
                    match.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Matching receipts to sent notice messages failed", e);
        }
    }

    private static final String MATCH_RECEIPTS = """
            update notice_message m
               set state = case when r.delivered then 'DELIVERED' else 'FAILED' end,
                   receipt_at = r.received_at,
                   error = case when r.delivered then null else 'receipt ' || r.status || coalesce(' err ' || r.error_code, '') end,
                   version = m.version + 1
              from notice_receipt r
             where r.provider_message_id = m.provider_message_id and m.state = 'SENT'""";

    /**
     * An UNCERTAIN SMS takes the earliest receipt for its handset that arrived after its submit started and belongs
     * to no recorded message: the receipt of the submit whose answer was lost. Only while no other message to that
     * handset could own the receipt: one started before the receipt came whose outcome is not recorded (SENDING, its
     * provider id about to be written, or UNCERTAIN too) may be the receipt's sender, so the handset waits. The next
     * pass (each receipt, each recovery run) tries again once that outcome is in; two UNCERTAIN messages to one
     * handset stay for a scheduler, as nothing tells which receipt is whose.
     */
    private static final String MATCH_UNCERTAIN = """
            with pick as (
                select distinct on (m.id) m.id as message_id, r.id as receipt_id, r.provider_message_id,
                       r.delivered, r.status, r.error_code, r.received_at
                  from notice_message m
                  join notice_receipt r on r.address = m.address and not r.matched
                                       and r.received_at >= m.submit_started_at
                 where m.state = 'UNCERTAIN' and m.channel = 'SMS'
                   and not exists (select 1 from notice_message x where x.provider_message_id = r.provider_message_id)
                   and not exists (select 1 from notice_message o
                                    where o.address = m.address and o.channel = 'SMS' and o.id <> m.id
                                      and o.state in ('SENDING', 'UNCERTAIN')
                                      and o.submit_started_at <= r.received_at)
                 order by m.id, r.received_at, r.id),
            taken as (
                update notice_receipt r set matched = true from pick where r.id = pick.receipt_id returning r.id)
            update notice_message m
               set state = case when pick.delivered then 'DELIVERED' else 'FAILED' end,
                   provider_message_id = pick.provider_message_id, sent_at = m.submit_started_at,
                   receipt_at = pick.received_at, resolved_by = 'receipt',
                   error = case when pick.delivered then 'outcome lost in a crash; settled by its delivery receipt'
                           else 'receipt ' || pick.status || coalesce(' err ' || pick.error_code, '') end,
                   version = m.version + 1
              from pick
             where m.id = pick.message_id""";

    /**
     * Stores a delivery receipt as proof and applies it to its message when that is recorded as sent; a receipt no
     * recorded message owns may settle an UNCERTAIN message to the same handset.
     */
    public void recordReceipt(String providerMessageId, String address, boolean delivered, String status,
                              String errorCode, String raw) {
        try (Connection c = dataSource.getConnection()) {
            // The receipt is committed before it is matched, as a submit's outcome is committed before its receipts
            // are matched (journal above): whichever of the two commits second then sees the other in its match.
            // Matching inside the receipt's own transaction lost the race when the outcome committed in between
            // (both matches blind to the other's uncommitted row; the message stayed SENT for good).
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("insert into notice_receipt (provider_message_id, "
                    + "address, delivered, status, error_code, raw) values (?, ?, ?, ?, ?, ?)")) {
                ins.setString(1, providerMessageId);
                ins.setString(2, address == null ? null : truncate(address, 32));
                ins.setBoolean(3, delivered);
                ins.setString(4, truncate(status, 20));
                ins.setString(5, errorCode == null ? null : truncate(errorCode, 10));
                ins.setString(6, raw == null ? null : truncate(raw, 500));
                ins.executeUpdate();
            }
            c.commit();
            try (PreparedStatement match = c.prepareStatement(MATCH_RECEIPTS + " and m.provider_message_id = ?")) {
                match.setString(1, providerMessageId);
                match.executeUpdate();
            }
            if (hasUncertain(c)) {
                try (PreparedStatement match = c.prepareStatement(MATCH_UNCERTAIN)) {
                    match.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a delivery receipt failed", e);
        }
    }

    private static boolean hasUncertain(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select exists (select 1 from notice_message where state = 'UNCERTAIN')");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Settles messages claimed by a node that never finished them (it died or hung longer than the timeout): never
     * started → back to the queue (nothing went out); started without an outcome → UNCERTAIN (the provider may
     * have it), then matched against receipts already in.
     */
    Recovery recoverStale(java.time.Duration claimTimeout) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement requeue = c.prepareStatement("update notice_message set state = 'SCHEDULED', "
                     + "next_attempt_at = now(), claim_token = null, error = 'recovered: claimed by ' "
                     + "|| coalesce(claimed_by, '?') || ', never submitted', version = version + 1 "
                     + "where state = 'SENDING' and submit_started_at is null and claimed_at < now() - ?::interval");
             PreparedStatement uncertain = c.prepareStatement("update notice_message set state = 'UNCERTAIN', "
                     + "claim_token = null, error = 'claimed by ' || coalesce(claimed_by, '?') || ', submitted at ' "
                     + "|| to_char(submit_started_at, 'YYYY-MM-DD HH24:MI:SS') || ', outcome never recorded', "
                     + "version = version + 1 "
                     + "where state = 'SENDING' and submit_started_at is not null and claimed_at < now() - ?::interval");
             PreparedStatement match = c.prepareStatement(MATCH_UNCERTAIN)) {
            c.setAutoCommit(true);
            String interval = claimTimeout.toMillis() + " milliseconds";
            requeue.setString(1, interval);
            uncertain.setString(1, interval);
            int requeued = requeue.executeUpdate();
            int unsure = uncertain.executeUpdate();
            int matched = unsure > 0 || hasUncertain(c) ? match.executeUpdate() : 0;
            return new Recovery(requeued, unsure, matched);
        } catch (SQLException e) {
            throw new IllegalStateException("Recovering notice messages failed", e);
        }
    }

    /**
     * A scheduler's decision on an UNCERTAIN message: send it again (the recipient may get it twice) or count it
     * as sent. Returns whether the message was uncertain.
     */
    boolean resolveUncertain(long noticeId, long messageId, boolean resend, String by) {
        String set = resend
                ? "state = 'SCHEDULED', next_attempt_at = now(), error = 'sent again on the decision of ' || ?1"
                : "state = 'SENT', sent_at = coalesce(submit_started_at, now()), "
                        + "error = 'counted as sent on the decision of ' || ?1";
        return em.createNativeQuery("update notice_message set " + set + ", resolved_by = ?1, "
                        + "version = version + 1 where id = ?2 and notice_id = ?3 and state = 'UNCERTAIN'")
                .setParameter(1, by).setParameter(2, messageId).setParameter(3, noticeId).executeUpdate() == 1;
    }

    /** Failed messages of a notice (or one of them) back to the queue, with fresh attempts, unless expired. */
    int retryFailed(long noticeId, Long messageId) {
        return em.createNativeQuery("update notice_message set state = 'SCHEDULED', attempts = 0, "
                        + "next_attempt_at = now(), error = null, version = version + 1 where notice_id = ?1 "
                        + "and state = 'FAILED' and expires_at > now() and (?2 = 0 or id = ?2)")
                .setParameter(1, noticeId).setParameter(2, messageId == null ? 0L : messageId).executeUpdate();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
