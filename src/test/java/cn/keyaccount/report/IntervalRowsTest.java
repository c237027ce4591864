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
        day.kwh()[95] = 1234567.5f;
        day.kvarh()[95] = 2f;
        String xml = rows(day, false);

        assertTrue(xml.startsWith("<row r=\"1\"><c r=\"A1\" s=\"3\" t=\"inlineStr\"><is><t>时段 &lt;开始&gt; &amp; 结束</t>"
                + "</is></c><c r=\"B1\" s=\"3\" t=\"inlineStr\"><is><t>kWh</t></is></c>"), xml.substring(0, 200));
        // 2016-01-01 is day 42370 of Excel's 1900 date system
        assertTrue(xml.contains("<row r=\"2\"><c r=\"A2\" s=\"4\"><v>42370</v></c><c r=\"B2\" s=\"5\"><v>12.346</v></c>"
                + "<c r=\"C2\" s=\"5\"><v>0.5</v></c><c r=\"D2\" s=\"5\"><v>49.382</v></c></row>"), "first interval");
        assertTrue(xml.contains("<row r=\"3\"><c r=\"A3\" s=\"4\"><v>42370.010416666666666666</v></c>"
                + "<c r=\"B3\" s=\"5\"><v>10</v></c><c r=\"C3\" s=\"5\"><v>0</v></c><c r=\"D3\" s=\"5\"><v>40</v></c>"
                + "</row>"), "00:15, whole numbers without a point, a tiny negative rounded to 0");
        assertTrue(xml.contains("<row r=\"4\"><c r=\"A4\" s=\"4\"><v>42370.020833333333333332</v></c></row>"),
                "a missing reading leaves the values empty");
        assertTrue(xml.endsWith("<row r=\"97\"><c r=\"A97\" s=\"4\"><v>42370.9895833333333334</v></c>"
                + "<c r=\"B97\" s=\"5\"><v>1234567.5</v></c><c r=\"C97\" s=\"5\"><v>2</v></c>"
                + "<c r=\"D97\" s=\"5\"><v>4938270</v></c></row>"), xml.substring(xml.length() - 200));
        assertEquals(96 + 1, xml.split("<row ").length - 1, "a header and 96 quarter hours");
    }

    @Test
    void a_workbook_on_the_1904_date_system_gets_serials_counted_from_1904() throws Exception {
        IntervalSeries day = IntervalSeries.empty(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 1));
        assertTrue(rows(day, true).contains("<c r=\"A2\" s=\"4\"><v>40908</v></c>"));
    }
}
