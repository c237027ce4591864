package cn.keyaccount.application;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of 业扩 application a key customer makes ({@code slug} is the name used in URLs and the limits file).
 * 新装 and 增容 run the connection chain (申请受理 → 供电方案答复 → 外部工程实施 → 装表接电, low voltage without
 * the works step); the 变更用电 kinds of 《供电营业规则》 (减容, 暂停, 过户 …) run the short chain 申请受理 → 变更办理.
 */
public enum ApplicationKind {
    NEW_CONNECTION("new-connection", true),
    CAPACITY_INCREASE("capacity-increase", true),
    CAPACITY_REDUCTION("capacity-reduction", false),
    REDUCTION_RESTORE("reduction-restore", false),
    SUSPENSION("suspension", false),
    SUSPENSION_RESTORE("suspension-restore", false),
    BILLING_CHANGE("billing-change", false),
    TARIFF_CHANGE("tariff-change", false),
    OWNER_TRANSFER("owner-transfer", false),
    CLOSURE("closure", false);

    private final String slug;
    private final boolean connection;

    ApplicationKind(String slug, boolean connection) {
        this.slug = slug;
        this.connection = connection;
    }

    public String slug() {
        return slug;
    }

    /** Whether this kind builds or enlarges a connection (the long chain with a 供电方案). */
    public boolean connection() {
        return connection;
    }

    /** Whether the application names a new capacity in kVA (the customer's contract capacity after power-on). */
    public boolean needsCapacity() {
        return this == NEW_CONNECTION || this == CAPACITY_INCREASE || this == CAPACITY_REDUCTION;
    }

    /** Whether the application carries a period (from, to) of a transformer out of service: 暂停 and 减容. */
    public boolean hasPeriod() {
        return this == SUSPENSION || this == CAPACITY_REDUCTION;
    }

    /** The steps in order for this kind at this voltage. */
    public List<ApplicationStep> steps(VoltageClass voltage) {
        if (!connection) {
            return List.of(ApplicationStep.ACCEPTANCE, ApplicationStep.CHANGE);
        }
        return voltage == VoltageClass.HIGH
                ? List.of(ApplicationStep.ACCEPTANCE, ApplicationStep.SCHEME_REPLY, ApplicationStep.EXTERNAL_WORKS,
                ApplicationStep.POWER_ON)
                : List.of(ApplicationStep.ACCEPTANCE, ApplicationStep.SCHEME_REPLY, ApplicationStep.POWER_ON);
    }

    /** The kind of a slug ({@code capacity-increase}) or of an enum name, case-insensitive; null when neither. */
    public static ApplicationKind fromSlug(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(k -> k.slug.equalsIgnoreCase(t) || k.name().equalsIgnoreCase(t))
                .findFirst().orElse(null);
    }
}
