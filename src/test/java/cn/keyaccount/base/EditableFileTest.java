package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditableFileTest {

    private static final String SHIPPED = "scheduler/application-limits.csv";

    /** The first line, refused when it says "broken" (as a parser refuses a bad row). */
    private static String firstLine(java.io.Reader in) throws IOException {
        String line = new BufferedReader(in).readLine();
        if (line == null || line.startsWith("broken")) {
            throw new IllegalArgumentException("line 1: not a rule: " + line);
        }
        return line;
    }

    private final String shippedFirstLine = EditableFile.bundled(SHIPPED, EditableFileTest::firstLine);

    @TempDir
    Path dir;

    private Path write(Path file, String text, int second) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-06T10:00:00Z").plusSeconds(second)));
        return file;
    }

    @Test
    void without_a_file_the_shipped_copy_is_in_force() {
        EditableFile<String> rules = new EditableFile<>("Rules", Optional.empty(), SHIPPED, EditableFileTest::firstLine,
                s -> s);
        assertEquals(shippedFirstLine, rules.current());
        assertEquals("classpath:" + SHIPPED, rules.origin());
    }

    @Test
    void an_edit_is_read_again_and_a_broken_edit_keeps_the_last_good_copy() throws IOException {
        Path file = write(dir.resolve("rules.csv"), "version 1\n", 0);
        EditableFile<String> rules = new EditableFile<>("Rules", Optional.of(file.toString()), SHIPPED,
                EditableFileTest::firstLine, s -> s);
        assertEquals("version 1", rules.current());

        write(file, "version 2\n", 1);
        assertEquals("version 2", rules.current(), "read again once changed");

        write(file, "broken row\n", 2);
        assertEquals("version 2", rules.current(), "a refused edit leaves the last good copy in force");
        assertEquals("version 2", rules.current());

        write(file, "version 3\n", 3);
        assertEquals("version 3", rules.current(), "the corrected edit is read");
    }

    @Test
    void a_file_broken_from_the_start_or_missing_leaves_the_shipped_copy_in_force() throws IOException {
        Path broken = write(dir.resolve("broken.csv"), "broken\n", 0);
        assertEquals(shippedFirstLine, new EditableFile<>("Rules", Optional.of(broken.toString()), SHIPPED,
                EditableFileTest::firstLine, s -> s).current());
        assertEquals(shippedFirstLine, new EditableFile<>("Rules", Optional.of(dir.resolve("none.csv").toString()),
                SHIPPED, EditableFileTest::firstLine, s -> s).current());
    }
}
