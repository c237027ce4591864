package cn.keyaccount.energy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Readings from a CSV export, streamed record by record. The encoding is detected from the first 64 KB: a UTF-8
 * byte-order mark or valid UTF-8 means UTF-8, anything else is read as GBK (GB18030, its superset). The header
 * names the columns (Chinese or English, see {@link Columns}).
 */
final class CsvReadings implements ReadingImporter.RowSource {

    private static final int SNIFF = 64 * 1024;
    static final Charset GBK = Charset.forName("GB18030");

    private final InputStream in;

    CsvReadings(InputStream in) {
        this.in = in;
    }

    static Charset detect(BufferedInputStream in) throws IOException {
        in.mark(SNIFF + 4);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        int end = head.length;
        if (end == SNIFF) {
            // do not judge a character cut off by the sniff window: drop up to three trailing bytes of it
            int back = 0;
            while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (end - back - 1 >= 0 && (head[end - back - 1] & 0x80) != 0) {
                back++;
            }
            end -= back;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GBK;
        }
    }

    @Override
    public void forEach(ReadingImporter.RowSink sink) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF + 16);
        Charset charset = detect(buffered);
        Reader reader = new InputStreamReader(buffered, charset);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Columns columns = null;
            for (CSVRecord r : parser) {
                long rowNo = parser.getCurrentLineNumber();
                List<String> cells = r.toList();
                if (columns == null) {
                    columns = Columns.of(cells);
                    if (columns.missing() != null) {
                        sink.problem(ImportReport.Kind.MISSING_COLUMN, rowNo, columns.missing());
                        return;
                    }
                    continue;
                }
                sink.accept(columns.row(rowNo, cells));
            }
        }
    }

    /** Which column holds what, found by the header's words. */
    record Columns(int meter, int time, int kwh, int kvarh) {

        private static final List<String> METER = List.of("meter", "表号", "电表", "表计", "计量点");
        private static final List<String> TIME = List.of("time", "时间", "时刻");
        private static final List<String> KVARH = List.of("kvarh", "无功");
        private static final List<String> KWH = List.of("kwh", "有功");

        static Columns of(List<String> header) {
            int meter = -1;
            int time = -1;
            int kwh = -1;
            int kvarh = -1;
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).toLowerCase(Locale.ROOT).replace("\uFEFF", "");
                if (meter < 0 && METER.stream().anyMatch(h::contains)) {
                    meter = i;
                } else if (time < 0 && TIME.stream().anyMatch(h::contains)) {
                    time = i;
                } else if (kvarh < 0 && KVARH.stream().anyMatch(h::contains)) {
                    kvarh = i;
                } else if (kwh < 0 && KWH.stream().anyMatch(h::contains)) {
                    kwh = i;
                }
            }
            return new Columns(meter, time, kwh, kvarh);
        }

        String missing() {
            if (meter < 0) {
                return "meter / 表号";
            }
            if (time < 0) {
                return "time / 时间";
            }
            return kwh < 0 ? "kWh / 有功" : null;
        }

        ReadingImporter.Row row(long rowNo, List<String> cells) {
            return new ReadingImporter.Row(rowNo, cell(cells, meter), cell(cells, time), cell(cells, kwh),
                    kvarh < 0 ? null : cell(cells, kvarh));
        }

        private static String cell(List<String> cells, int i) {
            return i < cells.size() ? cells.get(i) : "";
        }
    }
}
