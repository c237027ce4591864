package cn.keyaccount.supplyplan;

/** What the plan guards; each type has a content template in reports/templates/supplyplan/. */
public enum EventType {
    POLITICAL, SOCIAL, EXAM, PRODUCTION, STANDING;

    /** The template file name, e.g. {@code exam.json}. */
    public String templateFile() {
        return name().toLowerCase(java.util.Locale.ROOT) + ".json";
    }
}
