package cn.keyaccount.opportunity;

/**
 * What the opportunity list and pipeline ask for; null fields do not filter.
 *
 * @param ownerId    the manager who works them
 * @param unitId     the customers of this unit and the units below it
 * @param openOnly   only found, contacted and proposal
 */
public record OpportunityFilter(OpportunityStage stage, Long ownerId, Long unitId, Long customerId, String tagCode,
                                boolean openOnly) {

    public static OpportunityFilter all() {
        return new OpportunityFilter(null, null, null, null, null, false);
    }
}
