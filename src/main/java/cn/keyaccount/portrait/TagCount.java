package cn.keyaccount.portrait;

/** A tag and how many of the viewer's customers carry it now, with its label in both languages. */
public record TagCount(String code, TagCategory category, String labelZh, String labelEn, long customers) {
}
