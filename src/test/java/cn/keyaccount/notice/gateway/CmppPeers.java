package cn.keyaccount.notice.gateway;

import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.ContactDraft;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeDispatcher;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;

/** The two CMPP gateways of {@link CmppProfile} (started once, on the configured ports), and notices to CMPP handsets. */
@ApplicationScoped
public class CmppPeers {

    static final Viewer SYSTEM = Viewer.system();
    private static CmppPeer primary;
    private static CmppPeer backup;

    private final CustomerService customers;
    private final ContactService contacts;
    private final NoticeService notices;
    private final NoticeQueries queries;
    private final NoticeDispatcher dispatcher;
    private final SmsProviders providers;

    CmppPeers(CustomerService customers, ContactService contacts, NoticeService notices, NoticeQueries queries,
              NoticeDispatcher dispatcher, SmsProviders providers) {
        this.providers = providers;
        this.customers = customers;
        this.contacts = contacts;
        this.notices = notices;
        this.queries = queries;
        this.dispatcher = dispatcher;
    }

    static synchronized CmppPeer primary() {
        if (primary == null) {
            primary = CmppPeer.start(port("cmcc"), CmppProfile.SP_ID, CmppProfile.SECRET, (short) 0x30);
        }
        return primary;
    }

    static synchronized CmppPeer backup() {
        if (backup == null) {
            backup = CmppPeer.start(port("backup"), CmppProfile.SP_ID, CmppProfile.SECRET, (short) 0x20);
        }
        return backup;
    }

    /** Takes the primary gateway away (stops listening, drops the link); {@link #primary()} starts it again. */
    static synchronized void stopPrimary() {
        if (primary != null) {
            primary.close();
            primary = null;
        }
    }

    private static int port(String provider) {
        return ConfigProvider.getConfig().getValue("keyaccount.sms.providers." + provider + ".port", Integer.class);
    }

    /** A handset the CMPP accounts take (147…). */
    static String mobile() {
        return mobile("147");
    }

    /** A random handset number with this three-digit prefix. */
    static String mobile(String prefix) {
        return prefix + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    ContactDetails contact(int customerIndex) {
        return contact(customerIndex, "147");
    }

    /** A contact of the customer at this index who takes SMS, on a handset with this prefix. */
    ContactDetails contact(int customerIndex, String prefix) {
        long customer = customers.search(SYSTEM, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, customerIndex, 1)
                .getFirst().id();
        ContactDraft d = new ContactDraft();
        String mobile = mobile(prefix);
        d.setName("手机" + mobile.substring(7));
        d.setRole("电费联系人");
        d.setMobile(mobile);
        d.setAcceptsSms(true);
        d.setAcceptsEmail(false);
        d.setAcceptsPortal(true);
        return contacts.add(SYSTEM, customer, d);
    }

    NoticeSummary sms(List<ContactDetails> to, String text) {
        return notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("CMPP")
                .contacts(to.stream().map(ContactDetails::id).toList()).channels(Set.of(Channel.SMS))
                .parameters(Map.of("title", "CMPP", "text", text)).urgent(true).build());
    }

    List<MessageDetails> messages(long noticeId) {
        return queries.messages(SYSTEM, noticeId, null, 0, 10_000);
    }

    /** Waits until the provider's link is logged in (it connects every second while down). */
    void awaitUp(String provider) {
        SmsGateway g = providers.named(provider).orElseThrow();
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (g.linkState() != SmsGateway.LinkState.UP) {
            if (System.nanoTime() > end) {
                throw new AssertionError(provider + " not logged in: " + g.linkState());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** One batch as this test's node. */
    void dispatchOnce() {
        dispatcher.dispatchBatch("cmpp-test-node");
    }

    /** Dispatches (beside the Quartz job) until every message of the notice matches. */
    List<MessageDetails> await(long noticeId, Predicate<MessageDetails> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<MessageDetails> now = messages(noticeId);
        while (!now.stream().allMatch(done)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("messages did not settle: " + now);
            }
            dispatcher.dispatchBatch("cmpp-test-node");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            now = messages(noticeId);
        }
        return now;
    }
}
