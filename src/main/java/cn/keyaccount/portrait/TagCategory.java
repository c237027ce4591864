package cn.keyaccount.portrait;

/** The four kinds of tag the precision-service papers ask for ({@code portrait.tag-category.*}). */
public enum TagCategory {
    VALUE, BEHAVIOUR, RISK, NEED
}
