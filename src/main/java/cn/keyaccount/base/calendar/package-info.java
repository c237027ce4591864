/**
 * The China working-day calendar (State Council holidays and the weekend days that become working days):
 * {@link WorkCalendar} (pure: is a day a working day, the next one, which years it covers) and
 * {@link WorkCalendarSource} (the bundled {@code scheduler/calendar/cn-workdays.csv}, or the file named by
 * {@code keyaccount.calendar.file}, re-read when it changes). Used by visit planning and by outage notice lead times.
 * <p>
 * <b>Depends on</b> nothing but the JDK and Quarkus configuration.
 */
package cn.keyaccount.base.calendar;
