package cn.keyaccount.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The restylable parts of the energy-audit report (reports/templates, see reports/README.md): the workbook whose
 * "styles" sheet gives every cell style, the Word template with its named styles and cover placeholders, the chart
 * colours and the logo. A file in {@code keyaccount.report.template-dir} replaces the bundled one of the same name
 * and is read at every generation, so a restyle needs neither a release nor a restart.
 */
@ApplicationScoped
class ReportTemplates {

    static final String XLSX = "energy-audit.xlsx";
    static final String DOCX = "energy-audit.docx";
    static final String SETTINGS = "energy-audit.properties";
    static final String LOGO = "logo.png";
    private static final String BUNDLED = "reports/templates/";

    private final ReportConfig config;

    ReportTemplates(ReportConfig config) {
        this.config = config;
    }

    /** The bytes of a template file: the override when present, else the bundled one. */
    public byte[] read(String name) {
        if (config.templateDir().isPresent()) {
            Path override = Path.of(config.templateDir().get()).resolve(name);
            if (Files.isRegularFile(override)) {
                try {
                    return Files.readAllBytes(override);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                throw new IllegalStateException("Report template missing: " + BUNDLED + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart colours (RRGGBB), series one first. */
    public List<byte[]> chartColours() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(read(SETTINGS), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<byte[]> colours = new ArrayList<>();
        for (String hex : p.getProperty("chart.colours", "1F4E79,ED7D31,70AD47,FFC000,5B9BD5").split(",")) {
            String h = hex.trim().replace("#", "");
            colours.add(new byte[] {(byte) Integer.parseInt(h.substring(0, 2), 16),
                    (byte) Integer.parseInt(h.substring(2, 4), 16), (byte) Integer.parseInt(h.substring(4, 6), 16)});
        }
        return colours;
    }
}
