package cn.keyaccount.servicerequest;

/** The supply area whose service levels apply: 城区 (city), 农村 (rural), 特殊边远 (special remote). */
public enum ServiceArea {
    URBAN, RURAL, REMOTE
}
