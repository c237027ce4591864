package cn.keyaccount.visit;

import java.time.OffsetDateTime;

/** One line of the visit policy: subject (TIER_A ... IMPORTANCE_NORMAL) and months between visits (null: none). */
public record PolicyLine(long id, long version, String subject, Integer intervalMonths, String updatedBy,
                         OffsetDateTime updatedAt) {
}
