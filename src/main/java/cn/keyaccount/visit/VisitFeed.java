package cn.keyaccount.visit;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Viewer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A manager's visits as an iCalendar feed (RFC 5545, built with ical4j) at a private URL, so that they appear in
 * phone calendar apps. The URL holds a random token instead of a password; the manager replaces the token to
 * revoke a leaked URL. Times are Asia/Shanghai, with its VTIMEZONE included. Made at start, so that a malformed
 * public address stops the start instead of the first manager's page.
 */
@ApplicationScoped
@Startup
public class VisitFeed {

    /** The feed covers visits from this many days back (recently done ones stay visible) ... */
    static final int DAYS_BACK = 30;
    /** ... to this many days ahead. */
    static final int DAYS_AHEAD = 180;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FeedTokenRepository tokens;
    private final VisitSettings settings;
    private final EntityManager em;
    private final Optional<URI> publicBase;

    private final Clock clock;

    VisitFeed(Clock clock, FeedTokenRepository tokens, VisitSettings settings, EntityManager em,
              @ConfigProperty(name = "keyaccount.public-base-url") Optional<String> publicBaseUrl) {
        this.clock = clock;
        this.tokens = tokens;
        this.settings = settings;
        this.em = em;
        this.publicBase = publicBaseUrl.map(String::trim).filter(u -> !u.isEmpty()).map(VisitFeed::base);
    }

    /** The configured public address, checked once at start: an absolute http(s) URL without query or fragment. */
    private static URI base(String url) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("keyaccount.public-base-url (KEYACCOUNT_PUBLIC_URL) must be an "
                    + "absolute http(s) URL such as https://keyaccount.example.cn, not " + url);
        }
        return uri;
    }

    /**
     * The feed URL of a token, built from the configured public address ({@code keyaccount.public-base-url},
     * {@code KEYACCOUNT_PUBLIC_URL}), never from the request: a forged Host header must not put another host in
     * a link managers paste into their calendar apps. Empty when no address is configured.
     */
    public Optional<String> url(String token) {
        return publicBase.map(b -> b + "/api/visit-feed/" + token + ".ics");
    }

    /** The viewer's current token, made on first use. Managers only. */
    @Transactional
    public String token(Viewer viewer) {
        requireManager(viewer);
        FeedToken t = tokens.find("userId", viewer.userId()).firstResult();
        if (t == null) {
            t = new FeedToken(viewer.userId(), newToken());
            tokens.persistAndFlush(t);
        }
        return t.getToken();
    }

    /** A new token; the old URL stops working at once. */
    @Transactional
    public String renew(Viewer viewer) {
        requireManager(viewer);
        FeedToken t = tokens.find("userId", viewer.userId()).firstResult();
        if (t == null) {
            return token(viewer);
        }
        t.replace(newToken());
        tokens.flush();
        return t.getToken();
    }

    /** The feed of the manager holding this token; empty for an unknown (or revoked) token. */
    @Transactional
    public Optional<String> calendar(String token) {
        if (token == null || token.length() != 48) {
            return Optional.empty();
        }
        FeedToken t = tokens.find("token", token).firstResult();
        return t == null ? Optional.empty() : Optional.of(build(t.getUserId()));
    }

    String build(long managerId) {
        LocalDate today = VisitDates.today(clock);
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//cn.keyaccount//Key-account visits//ZH"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(registry.getTimeZone(clock.getZone().getId()).getVTimeZone());
        Instant stamp = clock.instant();
        for (Visit v : em.createQuery("select v from Visit v join fetch v.customer c where v.manager.id = :m "
                        + "and v.plannedDate between :from and :to and v.status <> "
                        + "cn.keyaccount.visit.VisitStatus.CANCELLED order by v.plannedDate, v.id", Visit.class)
                .setParameter("m", managerId).setParameter("from", today.minusDays(DAYS_BACK))
                .setParameter("to", today.plusDays(DAYS_AHEAD)).getResultList()) {
            LocalTime time = v.getPlannedTime() == null ? settings.slotTimes().getFirst() : v.getPlannedTime();
            ZonedDateTime start = ZonedDateTime.of(v.getPlannedDate(), time, clock.getZone());
            VEvent event = new VEvent(start, Duration.ofMinutes(settings.visitMinutes()),
                    "走访 " + v.getCustomer().getName());
            event.add(new Uid("visit-" + v.getId() + "@keyaccount.cn"));
            // the constructor already stamped the event: RFC 5545 allows exactly one DTSTAMP, so replace it
            event.replace(new DtStamp(stamp));
            event.add(new Location(v.getCustomer().getAddress()));
            event.add(new Description(v.getCustomer().getAccountNo() + " " + v.getType()
                    + (v.getStatus() == VisitStatus.DONE ? " (已完成 done " + v.getDoneDate() + ")" : "")));
            event.add(v.getStatus() == VisitStatus.PLANNED ? ImmutableStatus.VEVENT_TENTATIVE
                    : ImmutableStatus.VEVENT_CONFIRMED);
            cal.add(event);
        }
        return cal.toString();
    }

    private static void requireManager(Viewer viewer) {
        if (!viewer.isManager()) {
            throw BusinessException.forbidden("error.visit-feed-managers-only");
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
