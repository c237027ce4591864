package cn.keyaccount.supplyplan;

/** A new generator truck: plate, name, rating in kW, home unit and crew. */
public record TruckDraft(String plate, String name, Integer ratedKw, Long unitId, String crewLeader, String crewMobile,
                         Integer crewSize) {
}
