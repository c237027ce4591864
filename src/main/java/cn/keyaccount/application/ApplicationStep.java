package cn.keyaccount.application;

import java.util.Arrays;

/** The steps of an application (获得电力's 环节); which of them a kind runs is {@link ApplicationKind#steps}. */
public enum ApplicationStep {
    /** 申请受理: the application is complete enough to accept (一证受理). */
    ACCEPTANCE("acceptance"),
    /** 供电方案答复: the written supply scheme handed to the customer. */
    SCHEME_REPLY("scheme-reply"),
    /** 外部工程实施: the company's external works up to the customer's boundary (high voltage only). */
    EXTERNAL_WORKS("external-works"),
    /** 装表接电: meter fitted and power on. */
    POWER_ON("power-on"),
    /** 变更办理: a 变更用电 carried out (seal, unseal, re-bill, transfer, close). */
    CHANGE("change");

    private final String slug;

    ApplicationStep(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static ApplicationStep fromSlug(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(s -> s.slug.equalsIgnoreCase(t) || s.name().equalsIgnoreCase(t))
                .findFirst().orElse(null);
    }
}
