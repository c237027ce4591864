package cn.keyaccount.energy;

import java.time.LocalDate;

/** A meter with the days its readings cover. */
public record MeterDetails(long id, String meterNo, String name, Long transformerId, LocalDate firstDay,
                        LocalDate lastDay, long days) {
}
