package cn.keyaccount.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.energy.IntervalSeries;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IntervalRowsTest {

    private static String rows(IntervalSeries series, boolean date1904) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IntervalRows.write(out, new String[] {"时段 <开始> & 结束", "kWh", "kvarh", "kW"}, series, 3, 4, 5, date1904);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void each_quarter_hour_is_a_row_of_its_start_as_a_date_serial_and_its_values_to_three_decimals()
            throws Exception {
        IntervalSeries day = IntervalSeries.empty(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 1));
        day.kwh()[0] = 12.3456f;
        day.kvarh()[0] = 0.5f;
        day.kwh()[1] = 10f;
        day.kvarh()[1] = -0.0004f;
        day.kwh()[3] = 7.25f;
        day.kwh()[95] = 1234567.5f;
        day.kvarh()[95] = 2f;
        String xml = rows(day, false);

        assertTrue(xml.startsWith("<row r=\"1\"><c s=\"3\" t=\"inlineStr\"><is><t>时段 &lt;开始&gt; &amp; 结束</t></is></c>"
                + "<c s=\"3\" t=\"inlineStr\"><is><t>kWh</t></is></c>"), xml.substring(0, 200));
        // 2016-01-01 is day 42370 of Excel's 1900 date system
        assertTrue(xml.contains("<row r=\"2\"><c s=\"4\"><v>42370</v></c><c s=\"5\"><v>12.346</v></c>"
                + "<c s=\"5\"><v>0.5</v></c><c s=\"5\"><v>49.382</v></c></row>"), "first interval");
        assertTrue(xml.contains("<row r=\"3\"><c s=\"4\"><v>42370.010416666666666666</v></c>"
                + "<c s=\"5\"><v>10</v></c><c s=\"5\"><v>0</v></c><c s=\"5\"><v>40</v></c></row>"),
                "00:15, whole numbers without a point, a tiny negative rounded to 0");
        assertTrue(xml.contains("<row r=\"4\"><c s=\"4\"><v>42370.020833333333333332</v></c></row>"),
                "a missing reading leaves the values empty");
        assertTrue(xml.contains("<row r=\"5\"><c s=\"4\"><v>42370.03125</v></c><c s=\"5\"><v>7.25</v></c>"
                + "<c r=\"D5\" s=\"5\"><v>29</v></c></row>"), "after an empty cell the next one says where it is");
        assertTrue(xml.endsWith("<row r=\"97\"><c s=\"4\"><v>42370.9895833333333334</v></c>"
                + "<c s=\"5\"><v>1234567.5</v></c><c s=\"5\"><v>2</v></c><c s=\"5\"><v>4938270</v></c></row>"),
                xml.substring(xml.length() - 200));
        assertEquals(96 + 1, xml.split("<row ").length - 1, "a header and 96 quarter hours");
    }

    @Test
    void a_year_of_rows_goes_through_the_buffer_whole() throws Exception {
        IntervalSeries year = IntervalSeries.empty(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31));
        java.util.Arrays.fill(year.kwh(), 123.45f);
        java.util.Arrays.fill(year.kvarh(), 67.8f);
        String xml = rows(year, false);
        assertEquals(366 * 96 + 1, xml.split("</row>").length, "every row closed");
        assertTrue(xml.endsWith("<row r=\"35137\"><c s=\"4\"><v>42735.9895833333333334</v></c><c s=\"5\"><v>123.45</v>"
                + "</c><c s=\"5\"><v>67.8</v></c><c s=\"5\"><v>493.8</v></c></row>"), xml.substring(xml.length() - 200));
    }

    @Test
    void a_workbook_on_the_1904_date_system_gets_serials_counted_from_1904() throws Exception {
        IntervalSeries day = IntervalSeries.empty(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 1));
        assertTrue(rows(day, true).contains("<row r=\"2\"><c s=\"4\"><v>40908</v></c>"));
    }
}
