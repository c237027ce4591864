package cn.keyaccount.network;

import java.math.BigDecimal;

public record LineDetails(long id, String code, String name, BigDecimal voltageKv, long substationId,
                       String substationName) {

    public static LineDetails of(SupplyLine line) {
        return new LineDetails(line.getId(), line.getCode(), line.getName(), line.getVoltageKv(),
                line.getSubstation().getId(), line.getSubstation().getName());
    }

    public String label() {
        return code + " " + name + " (" + substationName + ")";
    }
}
