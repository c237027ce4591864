package cn.keyaccount.servicerequest;

import java.time.OffsetDateTime;

/** A return visit as the request page shows it: when, the satisfaction 1–5, the words, by whom. */
public record ReturnVisitRow(OffsetDateTime at, int satisfaction, String comment, String byName, boolean byCustomer) {
}
