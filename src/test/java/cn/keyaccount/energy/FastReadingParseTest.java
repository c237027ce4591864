package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The import's fast readers give what the general ones gave before them: the byte tokenizer the cells and line numbers
 * of commons-csv, the timestamp reader the instants of the strict formatter (or leaves the text to it), the decimal
 * reader the doubles of Double.parseDouble.
 */
class FastReadingParseTest {

    private static final String[] FILES = {
        "表号,时间,有功,无功\nM1,2025-01-01 00:15,1.5,0.5\nM1,2025-01-01 00:30,2,1\n",
        "meter,time,kwh\r\nM1,2025/1/1 0:15,1\r\n\r\n\r\nM2,2025-01-01T00:30:00,  3.25  \r\n",
        "a,b,c\n\"x,1\",\"he said \"\"hi\"\"\",\"two\nlines\"\nlast,row,no-break",
        "a,b\n,\n,,\n   ,  \nx,\n\"q\"  ,z\n",
        "a,b\r\rx,y\r",
        "a\n\n\n",
        "",
        "表号,时间,有功\n电表一,2025-01-01 00:15,1\n\"电表,二\",2025-01-01 00:30,2\n",
    };

    @Test
    void the_byte_tokenizer_reads_every_cell_and_line_number_as_commons_csv_does() throws IOException {
        for (String file : FILES) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, CsvReadings.GBK)) {
                assertEquals(commons(file), tokens(file, cs, 1 << 16), file);
            }
        }
        // records cut by the buffer's end at every place
        StringBuilder big = new StringBuilder("meter,time,kwh,kvarh\n");
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            big.append("M").append(random.nextInt(50)).append(",2025-01-0").append(1 + random.nextInt(9))
                    .append(' ').append(random.nextInt(24)).append(":15,").append(random.nextInt(1000) / 7.0)
                    .append(i % 97 == 0 ? ",\"1,5\"" : ",0.5").append(i % 13 == 0 ? "\r\n" : "\n");
        }
        assertEquals(commons(big.toString()), tokens(big.toString(), StandardCharsets.UTF_8, 1 << 16));
    }

    @Test
    void an_open_quote_at_the_end_is_refused_as_commons_csv_refuses_it() {
        assertThrows(java.io.UncheckedIOException.class, () -> commons("a,b\n\"open,x\n"));
        assertThrows(IOException.class, () -> tokens("a,b\n\"open,x\n", StandardCharsets.UTF_8, 1 << 16));
    }

    @Test
    void the_fast_timestamp_reader_agrees_with_the_strict_formatter_or_leaves_the_text_to_it() {
        String[] texts = {"2025-01-01 00:15", "2025/1/1 0:15:00", "2025-01-01T00:15", " 2024-02-29 23:45 ",
            "2025-02-29 00:15", "2025-13-01 00:15", "2025-01-01 24:00", "2025-01-01 25:00", "2025-01-01 0:60",
            "2025-01-01", "25-01-01 00:15", "2025-01-01 00:15:60", "2025-01-01 00:15x", "2025-1-31 9:05:30",
            "12025-01-01 00:15", "2025-04-31 00:15", "1969-12-31 23:45", "2025-01-01  00:15", "2025-01-01 T00:15"};
        for (String t : texts) {
            long fast = ReadingTime.fastSeconds(t);
            LocalDateTime strict;
            try {
                strict = ReadingTime.parse(t);
            } catch (RuntimeException e) {
                strict = null;
            }
            if (fast != ReadingTime.NOT_SIMPLE) {
                assertEquals(strict == null ? null : strict.toEpochSecond(ZoneOffset.UTC), (Long) fast, t);
            }
        }
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 15).toEpochSecond(ZoneOffset.UTC),
                ReadingTime.fastSeconds("2025-01-01 00:15"));
        assertEquals(ReadingTime.NOT_SIMPLE, ReadingTime.fastSeconds("2025-02-29 00:15"), "left to the formatter");
    }

    @Test
    void the_fast_timestamp_reader_counts_the_days_of_every_date_of_four_digit_years_as_local_date_does() {
        for (java.time.LocalDate d = java.time.LocalDate.of(0, 1, 1); d.getYear() <= 9999; d = d.plusDays(1)) {
            if (ReadingTime.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) != d.toEpochDay()) {
                assertEquals(d.toEpochDay(), ReadingTime.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
                        d.toString());
            }
        }
    }

    @Test
    void the_fast_decimal_reader_gives_the_doubles_of_parse_double() {
        Random random = new Random(11);
        List<String> texts = new ArrayList<>(List.of("0", "1", "1.5", " 2.25 ", "0.1", "123456.789", "5.", ".5",
                "000.000", "99999.99", "0.30000000000000004", "1234567890.12345"));
        for (int i = 0; i < 100_000; i++) {
            texts.add(Double.toString(random.nextInt(1_000_000) / Math.pow(10, random.nextInt(8))));
            texts.add(String.format("%.3f", random.nextDouble() * 10000));
        }
        for (String t : texts) {
            double fast = Decimals.parse(t);
            if (!Double.isNaN(fast)) {
                assertEquals(Double.parseDouble(t.trim()), fast, t);
            }
        }
        for (String t : new String[] {"-1", "1e3", "NaN", "Infinity", "1.5f", "", " ", ".", "1..2", "0x10"}) {
            assertEquals(Double.NaN, Decimals.parse(t), t);
        }
    }

    private static List<String> commons(String text) throws IOException {
        List<String> out = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                out.add(parser.getCurrentLineNumber() + ":" + r.toList());
            }
        }
        return out;
    }

    private static List<String> tokens(String text, Charset charset, int unused) throws IOException {
        List<String> out = new ArrayList<>();
        CsvReadings.Tokens t = new CsvReadings.Tokens(new ByteArrayInputStream(text.getBytes(charset)), charset);
        while (t.next()) {
            out.add(t.lineNo + ":" + List.of(java.util.Arrays.copyOf(t.cells, t.count)));
        }
        return out;
    }
}
