package cn.keyaccount.network;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.org.OrgUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "substation")
public class Substation extends AbstractEntity {

    @Column(nullable = false, unique = true)
    private String name;
    @Column(name = "voltage_kv", nullable = false)
    private BigDecimal voltageKv;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private OrgUnit unit;

    protected Substation() {
    }

    public Substation(String name, BigDecimal voltageKv, OrgUnit unit) {
        this.name = name;
        this.voltageKv = voltageKv;
        this.unit = unit;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getVoltageKv() {
        return voltageKv;
    }

    public OrgUnit getUnit() {
        return unit;
    }
}
