package cn.keyaccount.notice;

import static cn.keyaccount.notice.NoticeFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.ContactDetails;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The references of a message to its notice, customer and contact, kept per statement by triggers (V14) instead of
 * per-row foreign keys: a message naming none is refused, the parents are locked until the messages commit, and
 * deleting a parent does what the foreign keys did.
 */
@QuarkusTest
class NoticeMessageReferencesTest {

    private static final String INSERT = "insert into notice_message (notice_id, customer_id, contact_id, "
            + "recipient_name, channel, address, body, next_attempt_at, expires_at, recipient_key) "
            + "values (?, ?, ?, '测试', 'SMS', '13800000000', 'x', now(), now() + interval '1 day', ?)";

    @Inject
    NoticeService notices;
    @Inject
    NoticeFixtures fx;
    @Inject
    ContactService contacts;
    @Inject
    AgroalDataSource dataSource;

    private NoticeSummary notice(ContactDetails c, String title) {
        return notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title(title)
                .contacts(List.of(c.id())).channels(Set.of(Channel.SMS, Channel.EMAIL))
                .parameters(Map.of("title", "t", "text", "x")).plannedAt(OffsetDateTime.now().plusDays(1)).build());
    }

    private SQLException insertFails(long noticeId, long customerId, Long contactId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setLong(1, noticeId);
            ps.setLong(2, customerId);
            ps.setObject(3, contactId);
            ps.setLong(4, contactId == null ? 0 : contactId);
            return assertThrows(SQLException.class, ps::executeUpdate);
        }
    }

    private long count(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void a_message_naming_a_notice_customer_or_contact_that_does_not_exist_is_refused_and_nothing_is_written()
            throws SQLException {
        long customer = fx.someCustomer(6);
        ContactDetails c = fx.contact(customer, true, true, null, null);
        NoticeSummary n = notice(c, "引用检查");
        long before = count("select count(*) from notice_message where notice_id = ?", n.id());

        SQLException noNotice = insertFails(Long.MAX_VALUE, customer, c.id());
        assertEquals("23503", noNotice.getSQLState());
        assertTrue(noNotice.getMessage().contains("notice_id " + Long.MAX_VALUE + " names no notice"),
                noNotice.getMessage());
        SQLException noCustomer = insertFails(n.id(), Long.MAX_VALUE - 1, null);
        assertEquals("23503", noCustomer.getSQLState());
        assertTrue(noCustomer.getMessage().contains("customer_id"), noCustomer.getMessage());
        SQLException noContact = insertFails(n.id(), customer, Long.MAX_VALUE - 2);
        assertEquals("23503", noContact.getSQLState());
        assertTrue(noContact.getMessage().contains("contact_id"), noContact.getMessage());

        assertEquals(before, count("select count(*) from notice_message where notice_id = ?", n.id()));
    }

    @Test
    void a_messages_notice_and_customer_cannot_be_changed() throws SQLException {
        ContactDetails c = fx.contact(fx.someCustomer(6), true, false, null, null);
        NoticeSummary n = notice(c, "不可改");
        try (Connection conn = dataSource.getConnection(); Statement s = conn.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "update notice_message set notice_id = notice_id + 1 where notice_id = " + n.id()));
            assertEquals("23503", e.getSQLState());
            e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "update notice_message set customer_id = null, user_id = 1 where notice_id = " + n.id()));
            assertEquals("23503", e.getSQLState());
        }
    }

    @Test
    void deleting_a_contact_clears_it_from_its_messages_and_deleting_a_notice_deletes_its_messages()
            throws SQLException {
        long customer = fx.someCustomer(7);
        ContactDetails c = fx.contact(customer, true, true, null, null);
        NoticeSummary n = notice(c, "删除联系人");
        assertEquals(2, count("select count(*) from notice_message where contact_id = ?", c.id()));

        contacts.delete(SYSTEM, customer, c.id());
        assertEquals(0, count("select count(*) from notice_message where contact_id = ?", c.id()));
        assertEquals(2, count("select count(*) from notice_message where notice_id = ? and contact_id is null",
                n.id()), "the messages stay, as proof of what was sent");

        try (Connection conn = dataSource.getConnection(); Statement s = conn.createStatement()) {
            s.executeUpdate("delete from notice where id = " + n.id());
        }
        assertEquals(0, count("select count(*) from notice_message where notice_id = ?", n.id()));
    }

    @Test
    void a_contact_cannot_be_deleted_while_messages_naming_it_are_being_written() throws SQLException {
        long customer = fx.someCustomer(8);
        ContactDetails c = fx.contact(customer, true, false, null, null);
        NoticeSummary n = notice(fx.contact(customer, true, false, null, null), "写入中");
        try (Connection writer = dataSource.getConnection(); Connection deleter = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement ps = writer.prepareStatement(INSERT)) {
                ps.setLong(1, n.id());
                ps.setLong(2, customer);
                ps.setLong(3, c.id());
                ps.setLong(4, c.id());
                ps.executeUpdate();
            }
            try (Statement s = deleter.createStatement()) {
                s.execute("set lock_timeout = '300ms'");
                SQLException e = assertThrows(SQLException.class,
                        () -> s.executeUpdate("delete from contact where id = " + c.id()));
                assertEquals("55P03", e.getSQLState(), "the contact is locked until the messages commit");
                s.execute("reset lock_timeout");
            }
            writer.commit();
            try (Statement s = deleter.createStatement()) {
                assertEquals(1, s.executeUpdate("delete from contact where id = " + c.id()));
            }
        }
        assertEquals(0, count("select count(*) from notice_message where contact_id = ?", c.id()));
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(
                "select contact_id from notice_message where notice_id = ? and recipient_key = ?")) {
            ps.setLong(1, n.id());
            ps.setLong(2, c.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the message written while the contact was locked is kept");
                assertNull(rs.getObject(1));
            }
        }
    }
}
