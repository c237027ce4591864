package cn.keyaccount.portrait;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Tags another feature contributes to the portrait, as a CDI bean ({@code @ApplicationScoped}) in that feature's core,
 * so that the portrait knows no feature it is told about (the way {@code customer/TimelineSource} works). The
 * computation asks every source once per run for all the customers of the run. Where the features being built now
 * plug in: the complaints risk tag (service requests: complaints in the last twelve months), arrears (billing),
 * missed visits (visits), outages suffered this year (outages): each is one small class that reads its own feature in
 * one statement and returns {@code new PortraitTag("COMPLAINTS", TagCategory.RISK, "servicerequest.tag.complaints",
 * "servicerequest.tag.complaints.reason", List.of(3.0))} for the customers concerned.
 */
public interface TagSource {

    /** The tags of those of these customers this source has something to say about, as of a day. */
    Map<Long, List<PortraitTag>> tags(Collection<Long> customerIds, LocalDate asOf);
}
