package cn.keyaccount.opportunity;

/**
 * Where an opportunity stands: found (from the tag) → contacted → proposal → won or lost. The open stages may be set
 * in any order (a proposal that needs another talk goes back to contacted); a won or lost opportunity changes only by
 * reopening ({@link OpportunityService#reopen}).
 */
public enum OpportunityStage {
    FOUND, CONTACTED, PROPOSAL, WON, LOST;

    public static final java.util.List<OpportunityStage> OPEN = java.util.List.of(FOUND, CONTACTED, PROPOSAL);

    public boolean isClosed() {
        return this == WON || this == LOST;
    }
}
