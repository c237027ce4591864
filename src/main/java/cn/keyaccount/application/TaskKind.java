package cn.keyaccount.application;

import java.util.List;

/** The work of other departments within a step (获得电力's 环节 inside the company). */
public enum TaskKind {
    /** 现场勘察 */
    SITE_SURVEY,
    /** 供电方案编制 */
    SCHEME_DRAFTING,
    /** 图纸审查 (受电工程设计审查) */
    DRAWING_REVIEW,
    /** 中间检查 */
    MIDWAY_INSPECTION,
    /** 竣工检验 */
    COMPLETION_INSPECTION,
    /** 装表接电 */
    METER_INSTALLATION;

    /** The tasks a step starts with. */
    static List<TaskKind> of(ApplicationStep step) {
        return switch (step) {
            case SCHEME_REPLY -> List.of(SITE_SURVEY, SCHEME_DRAFTING);
            case EXTERNAL_WORKS -> List.of(DRAWING_REVIEW, MIDWAY_INSPECTION, COMPLETION_INSPECTION);
            case POWER_ON -> List.of(METER_INSTALLATION);
            case ACCEPTANCE, CHANGE -> List.of();
        };
    }
}
