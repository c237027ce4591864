package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.servicerequest.ServiceArea;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/**
 * A repair crew (抢修班) of a unit: its name, members, duty mobile and the supply area it covers, and the sign-ins
 * (role REPAIR_CREW) that work for it.
 */
@Entity
@Table(name = "repair_crew")
public class RepairCrew extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private OrgUnit unit;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String members;
    @Column(nullable = false)
    private String mobile;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServiceArea area;
    @Column(nullable = false)
    private boolean active = true;
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "repair_crew_account", joinColumns = @JoinColumn(name = "crew_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<AppUser> accounts = new HashSet<>();

    protected RepairCrew() {
    }

    RepairCrew(OrgUnit unit) {
        this.unit = unit;
    }

    void set(String name, String members, String mobile, ServiceArea area, boolean active) {
        this.name = name;
        this.members = members;
        this.mobile = mobile;
        this.area = area;
        this.active = active;
    }

    CrewDetails toDetails() {
        return new CrewDetails(getId(), unit.getId(), unit.getName(), name, members, mobile, area, active,
                accounts.stream().map(a -> new CrewDetails.Account(a.getId(), a.getUsername(), a.getDisplayName()))
                        .sorted(java.util.Comparator.comparing(CrewDetails.Account::username)).toList(),
                getVersion());
    }

    Set<AppUser> getAccounts() {
        return accounts;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public String getName() {
        return name;
    }

    public String getMembers() {
        return members;
    }

    public String getMobile() {
        return mobile;
    }

    public ServiceArea getArea() {
        return area;
    }

    public boolean isActive() {
        return active;
    }
}
