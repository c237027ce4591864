package cn.keyaccount.network;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A supply line (线路 / 馈线) out of a substation. */
@Entity
@Table(name = "supply_line")
public class SupplyLine extends AbstractEntity {

    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "voltage_kv", nullable = false)
    private BigDecimal voltageKv;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Substation substation;

    protected SupplyLine() {
    }

    public SupplyLine(String code, String name, BigDecimal voltageKv, Substation substation) {
        this.code = code;
        this.name = name;
        this.voltageKv = voltageKv;
        this.substation = substation;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getVoltageKv() {
        return voltageKv;
    }

    public Substation getSubstation() {
        return substation;
    }
}
