package cn.keyaccount.portrait;

/**
 * A segment's strategy as a supervisor edits it.
 *
 * @param visitIntervalDays the suggested days between visits, 1–366; null for no suggestion
 * @param offers            what to offer the segment's members, one per line
 * @param talkingPoints     what to talk about on a visit
 * @param version           the version the edit was made on (0 for a segment without a strategy yet)
 */
public record StrategyDraft(Integer visitIntervalDays, String offers, String talkingPoints, Long version) {
}
