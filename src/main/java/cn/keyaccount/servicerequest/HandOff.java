package cn.keyaccount.servicerequest;

/**
 * A request handed to another person ({@code toUserId}; their unit follows) or to a unit ({@code toUnitId}: its
 * supervisors pick it up), with the note that says why. {@code version}: the request's version the hand-off was
 * decided on.
 */
public record HandOff(Long toUserId, Long toUnitId, String note, Long version) {
}
