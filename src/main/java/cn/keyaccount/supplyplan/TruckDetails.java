package cn.keyaccount.supplyplan;

/** A generator truck as listed in the fleet. */
public record TruckDetails(long id, String plate, String name, int ratedKw, long unitId, String unitName,
                        String crewLeader, String crewMobile, int crewSize, boolean active) {

    public String label() {
        return plate + " " + name + " (" + ratedKw + " kW)";
    }
}
