package cn.keyaccount.base.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkCalendarSourceTest {

    @Test
    void theCalendarSettingNamesTheFileWhenBothNamesAreSet() {
        assertEquals(Optional.of("/etc/new.csv"),
                WorkCalendarSource.file(Optional.of("/etc/new.csv"), Optional.of("/etc/old.csv")));
    }

    @Test
    void theOldVisitSettingIsStillReadWhenTheNewOneIsUnset() {
        assertEquals(Optional.of("/etc/old.csv"), WorkCalendarSource.file(Optional.empty(), Optional.of("/etc/old.csv")));
        assertEquals("/etc/old.csv",
                new WorkCalendarSource(Optional.empty(), Optional.of("/etc/old.csv")).origin());
    }

    @Test
    void withNeitherSettingTheBundledCalendarIsUsed() {
        WorkCalendarSource source = new WorkCalendarSource(Optional.empty(), Optional.empty());
        assertEquals("classpath:" + WorkCalendarSource.BUNDLED, source.origin());
        assertEquals(WorkCalendarSource.bundled().coveredYears(), source.current().coveredYears());
    }
}
