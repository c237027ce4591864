package cn.keyaccount.supplyplan;

import java.time.OffsetDateTime;

/** A truck booking as shown in a plan and in the fleet calendar. */
public record BookingDetails(long id, long truckId, String plate, String truckName, int ratedKw, long planId,
                          String planTitle, String customerName, PlanStatus planStatus, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, String note, String bookedBy) {
}
