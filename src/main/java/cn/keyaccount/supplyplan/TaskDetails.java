package cn.keyaccount.supplyplan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A checklist task as shown; open while {@code doneAt} is empty. */
public record TaskDetails(long id, long planId, String title, Party party, String ownerName, Long ownerId,
                       LocalDate dueOn, OffsetDateTime doneAt, String doneBy, long version) {

    public boolean done() {
        return doneAt != null;
    }
}
