package cn.keyaccount.notice;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * The outbox tables in SQL. Exactly-once rests on two statements: a claim that moves due rows from SCHEDULED to
 * SENDING with {@code for update skip locked} (two nodes never claim the same row), and settle statements that only
 * touch rows still SENDING. A node that dies between the two leaves rows SENDING; {@link #recoverStale} returns
 * them to the queue after the claim timeout.
 */
@ApplicationScoped
public class NoticeOutbox {

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
    }

    /** A message claimed for sending. */
    record Claimed(long id, Channel channel, String address, String subject, String body, int attempts,
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

    /** Not now (quiet hours): back to the queue without counting an attempt. */
    record Deferred(long id, Instant at) implements Outcome {
    }

    private static final String CLAIM = """
            with due as (
                select id from notice_message
                 where state = 'SCHEDULED' and next_attempt_at <= now()
                 order by next_attempt_at, id
                 limit ?
                 for update skip locked)
            update notice_message m
               set state = 'SENDING', claimed_by = ?, claimed_at = now(), attempts = m.attempts + 1,
                   version = m.version + 1
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

    /** Writes a notice's messages in the caller's transaction; a repeated recipient × channel is left out. */
    void insert(long noticeId, List<NewMessage> rows) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into notice_message (notice_id, customer_id, contact_id, recipient_name, channel, address,
                        subject, body, segments, next_attempt_at, expires_at, urgent, quiet_from, quiet_to,
                        recipient_key, user_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing""")) {
                int pending = 0;
                for (NewMessage m : rows) {
                    ps.setLong(1, noticeId);
                    ps.setObject(2, m.customerId(), Types.BIGINT);
                    if (m.contactId() == null) {
                        ps.setNull(3, Types.BIGINT);
                    } else {
                        ps.setLong(3, m.contactId());
                    }
                    ps.setString(4, truncate(m.recipientName(), 100));
                    ps.setString(5, m.channel().name());
                    ps.setString(6, m.address());
                    ps.setString(7, m.subject() == null ? null : truncate(m.subject(), 300));
                    ps.setString(8, m.body());
                    ps.setInt(9, m.segments());
                    ps.setTimestamp(10, Timestamp.from(m.dueAt()));
                    ps.setTimestamp(11, Timestamp.from(m.expiresAt()));
                    ps.setBoolean(12, m.urgent());
                    ps.setObject(13, m.quietFrom());
                    ps.setObject(14, m.quietTo());
                    ps.setLong(15, m.recipientKey());
                    ps.setObject(16, m.userId(), Types.BIGINT);
                    ps.addBatch();
                    if (++pending == 500) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        });
    }

    /** Claims up to {@code limit} due messages for {@code node}, committed before anything is sent. */
    List<Claimed> claim(String node, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            c.setAutoCommit(true);
            ps.setInt(1, limit);
            ps.setString(2, node);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                            rs.getBoolean(8), rs.getObject(9, LocalTime.class), rs.getObject(10, LocalTime.class)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming notice messages failed", e);
        }
    }

    /** Records the outcomes of one batch in one transaction, then applies receipts that arrived meanwhile. */
    void settle(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement sent = c.prepareStatement("update notice_message set state = 'SENT', "
                    + "sent_at = now(), provider_message_id = ?, error = null, version = version + 1 "
                    + "where id = ? and state = 'SENDING'");
                 PreparedStatement delivered = c.prepareStatement("update notice_message set state = 'DELIVERED', "
                         + "sent_at = now(), receipt_at = now(), error = null, version = version + 1 "
                         + "where id = ? and state = 'SENDING'");
                 PreparedStatement retry = c.prepareStatement("update notice_message set state = 'SCHEDULED', "
                         + "next_attempt_at = ?, error = ?, version = version + 1 where id = ? and state = 'SENDING'");
                 PreparedStatement deferred = c.prepareStatement("update notice_message set state = 'SCHEDULED', "
                         + "next_attempt_at = ?, attempts = attempts - 1, version = version + 1 "
                         + "where id = ? and state = 'SENDING'");
                 PreparedStatement failed = c.prepareStatement("update notice_message set state = ?, error = ?, "
                         + "version = version + 1 where id = ? and state = 'SENDING'")) {
                for (Outcome o : outcomes) {
                    switch (o) {
                        case Sent s -> {
                            sent.setString(1, s.providerMessageId());
                            sent.setLong(2, s.id());
                            sent.addBatch();
                        }
                        case Delivered d -> {
                            delivered.setLong(1, d.id());
                            delivered.addBatch();
                        }
                        case Retry r -> {
                            retry.setTimestamp(1, Timestamp.from(r.at()));
                            retry.setString(2, truncate(r.error(), 500));
                            retry.setLong(3, r.id());
                            retry.addBatch();
                        }
                        case Deferred d -> {
                            deferred.setTimestamp(1, Timestamp.from(d.at()));
                            deferred.setLong(2, d.id());
                            deferred.addBatch();
                        }
                        case Failed f -> {
                            failed.setString(1, MessageState.FAILED.name());
                            failed.setString(2, truncate(f.error(), 500));
                            failed.setLong(3, f.id());
                            failed.addBatch();
                        }
                        case Expired x -> {
                            failed.setString(1, MessageState.EXPIRED.name());
                            failed.setString(2, "expired before it could be sent");
                            failed.setLong(3, x.id());
                            failed.addBatch();
                        }
                    }
                }
                sent.executeBatch();
                delivered.executeBatch();
                retry.executeBatch();
                deferred.executeBatch();
                failed.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            long[] ids = outcomes.stream().filter(o -> o instanceof Sent).mapToLong(Outcome::id).toArray();
            if (ids.length > 0) {
                try (PreparedStatement match = c.prepareStatement(MATCH_RECEIPTS + " and m.id = any(?)")) {
                    match.setArray(1, c.createArrayOf("bigint", java.util.Arrays.stream(ids).boxed().toArray()));
                    match.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording notice outcomes failed", e);
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

    /** Stores a delivery receipt as proof and applies it to its message, if that is already recorded as sent. */
    public void recordReceipt(String providerMessageId, boolean delivered, String status, String errorCode,
                              String raw) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ins = c.prepareStatement("insert into notice_receipt (provider_message_id, "
                    + "delivered, status, error_code, raw) values (?, ?, ?, ?, ?)")) {
                ins.setString(1, providerMessageId);
                ins.setBoolean(2, delivered);
                ins.setString(3, truncate(status, 20));
                ins.setString(4, errorCode == null ? null : truncate(errorCode, 10));
                ins.setString(5, raw == null ? null : truncate(raw, 500));
                ins.executeUpdate();
            }
            try (PreparedStatement match = c.prepareStatement(MATCH_RECEIPTS + " and m.provider_message_id = ?")) {
                match.setString(1, providerMessageId);
                match.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a delivery receipt failed", e);
        }
    }

    /** Returns messages claimed by a node that never settled them (it died or hung) to the queue. */
    int recoverStale(java.time.Duration claimTimeout) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update notice_message set state = 'SCHEDULED', next_attempt_at = now(), "
                        + "error = 'recovered: claimed by ' || coalesce(claimed_by, '?') || ' and never finished', "
                        + "version = version + 1 where state = 'SENDING' and claimed_at < now() - ?::interval")) {
            c.setAutoCommit(true);
            ps.setString(1, claimTimeout.toSeconds() + " seconds");
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Recovering notice messages failed", e);
        }
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
