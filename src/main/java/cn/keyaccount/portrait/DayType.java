package cn.keyaccount.portrait;

/** Working days and rest days (weekends and public holidays, by the China working-day calendar with its 调休). */
public enum DayType {
    WORKDAY, REST_DAY
}
