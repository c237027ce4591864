package cn.keyaccount.org;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A unit of the company: province company → city → county company → 供电所. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends AbstractEntity {

    public enum Level { PROVINCE, CITY, COUNTY, STATION }

    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "name_en")
    private String nameEn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;
    @ManyToOne(fetch = FetchType.LAZY)
    private OrgUnit parent;
    /** Materialised path '/1/4/9/': a unit's subtree is every unit whose path starts with its own. */
    @Column(nullable = false)
    private String path;

    protected OrgUnit() {
    }

    public OrgUnit(String code, String name, String nameEn, Level level, OrgUnit parent) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.level = level;
        this.parent = parent;
        this.path = "/";
    }

    /** Called once the id is known. */
    void assignPath() {
        this.path = (parent == null ? "/" : parent.getPath()) + getId() + "/";
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public Level getLevel() {
        return level;
    }

    public OrgUnit getParent() {
        return parent;
    }

    public String getPath() {
        return path;
    }
}
