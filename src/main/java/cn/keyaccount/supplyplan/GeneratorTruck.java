package cn.keyaccount.supplyplan;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.org.OrgUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A generator truck (发电车) with its rating, home unit and crew. */
@Entity
@Table(name = "generator_truck")
public class GeneratorTruck extends AbstractEntity {

    @Column(nullable = false, unique = true)
    private String plate;
    @Column(nullable = false)
    private String name;
    @Column(name = "rated_kw", nullable = false)
    private int ratedKw;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private OrgUnit unit;
    @Column(name = "crew_leader", nullable = false)
    private String crewLeader;
    @Column(name = "crew_mobile", nullable = false)
    private String crewMobile;
    @Column(name = "crew_size", nullable = false)
    private int crewSize;
    @Column(nullable = false)
    private boolean active = true;

    protected GeneratorTruck() {
    }

    GeneratorTruck(TruckDraft d, OrgUnit unit) {
        this.plate = d.plate().trim();
        this.name = d.name().trim();
        this.ratedKw = d.ratedKw();
        this.unit = unit;
        this.crewLeader = d.crewLeader() == null ? "" : d.crewLeader().trim();
        this.crewMobile = d.crewMobile() == null ? "" : d.crewMobile().trim();
        this.crewSize = d.crewSize() == null ? 2 : d.crewSize();
    }

    TruckDetails toView() {
        return new TruckDetails(getId(), plate, name, ratedKw, unit.getId(), unit.getName(), crewLeader, crewMobile,
                crewSize, active);
    }

    public String getPlate() {
        return plate;
    }

    public String getName() {
        return name;
    }

    public int getRatedKw() {
        return ratedKw;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public boolean isActive() {
        return active;
    }
}
