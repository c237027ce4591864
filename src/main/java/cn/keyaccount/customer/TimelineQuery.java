package cn.keyaccount.customer;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one timeline source is asked for: the customer (already access-checked), the period (from inclusive, to
 * exclusive; either may be open), the cursor (entries strictly older than {@code beforeAt}, or at that moment with an
 * id below {@code beforeId}), the reader's language and how many entries at most.
 */
public record TimelineQuery(long customerId, OffsetDateTime from, OffsetDateTime to, OffsetDateTime beforeAt,
                            long beforeId, Locale locale, int limit) {

    /**
     * The condition for a source's time and id expressions (HQL or SQL alike), to be put after its own
     * customer condition; its parameters are {@link #parameters}, named {@code customerTimeline…}.
     */
    public String where(String at, String id) {
        StringBuilder w = new StringBuilder("1 = 1");
        if (from != null) {
            w.append(" and ").append(at).append(" >= :customerTimelineFrom");
        }
        if (to != null) {
            w.append(" and ").append(at).append(" < :customerTimelineTo");
        }
        if (beforeAt != null) {
            w.append(" and (").append(at).append(" < :customerTimelineAt or (").append(at)
                    .append(" = :customerTimelineAt and ").append(id).append(" < :customerTimelineId))");
        }
        return w.toString();
    }

    /** The parameters of {@link #where} and {@code :customerTimelineCustomer} for the customer's id. */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("customerTimelineCustomer", customerId);
        if (from != null) {
            p.put("customerTimelineFrom", from);
        }
        if (to != null) {
            p.put("customerTimelineTo", to);
        }
        if (beforeAt != null) {
            p.put("customerTimelineAt", beforeAt);
            p.put("customerTimelineId", beforeId);
        }
        return p;
    }
}
