package cn.keyaccount.supplyplan;

import java.time.OffsetDateTime;

/** Book a truck for a plan over [startsAt, endsAt); without times, over the plan's whole period. */
public record BookingRequest(Long truckId, OffsetDateTime startsAt, OffsetDateTime endsAt, String note) {
}
