package cn.keyaccount.servicerequest;

/** The service a 服务申请 asks for: meter check, power-quality test, energy-efficiency check, 用电安全检查. */
public enum ServiceKind {
    METER_CHECK, POWER_QUALITY, ENERGY_EFFICIENCY, SAFETY_CHECK
}
