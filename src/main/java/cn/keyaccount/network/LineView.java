package cn.keyaccount.network;

import java.math.BigDecimal;

public record LineView(long id, String code, String name, BigDecimal voltageKv, long substationId,
                       String substationName) {

    public static LineView of(SupplyLine line) {
        return new LineView(line.getId(), line.getCode(), line.getName(), line.getVoltageKv(),
                line.getSubstation().getId(), line.getSubstation().getName());
    }

    public String label() {
        return code + " " + name + " (" + substationName + ")";
    }
}
