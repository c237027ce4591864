package cn.keyaccount.customer;

import java.util.List;

/** One page of a customer's timeline, newest first; {@code next} is the cursor of the following page (null: none). */
public record TimelinePage(List<TimelineEntry> items, String next) {
}
