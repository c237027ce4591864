package cn.keyaccount.workbench;

/**
 * One item of a workbench section: what it is, a short detail (a date, an amount, a state), where it is handled (a
 * route, e.g. {@code customers/42} or {@code visits?visit=7}) and whether it needs attention first.
 */
public record SectionRow(String text, String detail, String link, boolean urgent) {

    public static SectionRow of(String text, String detail, String link) {
        return new SectionRow(text, detail, link, false);
    }
}
