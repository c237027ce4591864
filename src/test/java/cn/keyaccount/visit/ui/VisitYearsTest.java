package cn.keyaccount.visit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.keyaccount.base.Messages;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The holiday-calendar warning names its years in words, never as a list's "[2027]". */
class VisitYearsTest {

    @Test
    void uncovered_years_read_as_words_in_both_languages() {
        assertEquals("2027", VisitUi.years(Set.of(2027), (k, a) -> Messages.get(Messages.CHINESE, k, a)));
        assertEquals("2027、2028", VisitUi.years(Set.of(2028, 2027), (k, a) -> Messages.get(Messages.CHINESE, k, a)));
        assertEquals("2027 and 2028", VisitUi.years(Set.of(2028, 2027), (k, a) -> Messages.get(Messages.ENGLISH, k, a)));
        assertEquals("节假日日历未包含 2027 年：这些日期仅按周一至周五排期，请在国务院公布安排后补充日历文件。",
                Messages.get(Messages.CHINESE, "visit.calendar-uncovered",
                        VisitUi.years(Set.of(2027), (k, a) -> Messages.get(Messages.CHINESE, k, a))));
    }
}
