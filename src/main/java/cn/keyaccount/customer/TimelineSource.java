package cn.keyaccount.customer;

import java.util.List;

/**
 * A feature's contribution to the customer timeline, implemented as a CDI bean ({@code @ApplicationScoped}) in the
 * feature's own core package, so that the customer core knows none of them. A source reads one page in one SQL
 * statement of its own feature: its rows inside {@link TimelineQuery#where} for its time and id expressions, newest
 * first (time descending, then id descending), at most {@link TimelineQuery#limit()} of them; {@link CustomerTimeline}
 * checks access and merges the sources by time.
 */
public interface TimelineSource {

    TimelineKind kind();

    /** A short stable name, unique among the sources (part of the paging cursor). */
    String key();

    List<TimelineEntry> entries(TimelineQuery query);
}
