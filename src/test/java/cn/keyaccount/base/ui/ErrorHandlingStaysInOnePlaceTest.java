package cn.keyaccount.base.ui;

import java.util.regex.Pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A source scan that keeps the copies from coming back: views let a service's refusal fly to the session's error
 * handler ({@link Errors}). A view may catch {@code BusinessException} only where it shows the refusal differently on
 * purpose, listed here, with a comment on the catch line saying why; and error notes are made in base/ui only.
 */
class ErrorHandlingStaysInOnePlaceTest {

    private static final Path MAIN = Path.of("src/main/java");
    /** A catch of BusinessException, also qualified or in a multi-catch. */
    private static final Pattern CATCH = Pattern.compile("catch\\s*\\([^)]*\\bBusinessException\\b");

    /** The justified catches: file (below src/main/java/cn/keyaccount) and how many. */
    private static final Map<String, Integer> ALLOWED = Map.of(
            "customer/ui/CustomerDetailView.java", 1, // a customer out of reach: "not found" in place of the page
            "supplyplan/ui/SupplyPlanView.java", 1, // a plan out of reach: "not found" in place of the page
            "energy/ui/EnergyPanel.java", 1, // the analysis says in its own place why there is no result
            "energy/ui/EnergyMetersDialog.java", 1, // the row's select goes back to the old transformer
            "energy/ui/EnergyUploadDialog.java", 1, // a refused file is listed beside the other files
            "servicerequest/ui/FromVisitView.java", 1, // a visit out of reach or without 诉求: said in place
            "servicerequest/repair/ui/CrewRepairsView.java", 1); // a crew sign-in no crew names yet: said in place

    @Test
    void views_catch_business_exceptions_only_where_the_allow_list_says_why() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        List<String> uncommented = new ArrayList<>();
        for (Path file : uiSources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (CATCH.matcher(lines.get(i)).find()) {
                    String name = MAIN.resolve("cn/keyaccount").relativize(file).toString().replace('\\', '/');
                    found.merge(name, 1, Integer::sum);
                    if (!lines.get(i).contains("//")) {
                        uncommented.add(name + ":" + (i + 1));
                    }
                }
            }
        }
        assertEquals(new TreeMap<>(ALLOWED), found, "a view catches BusinessException: let it fly to the session's "
                + "error handler (base/ui/Errors), or, when the view shows it differently on purpose, say why on the "
                + "catch line and add it to the allow-list");
        assertEquals(List.of(), uncommented, "each justified catch says why on its line");
    }

    @Test
    void error_notes_are_made_only_in_base_ui() throws IOException {
        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!file.startsWith(MAIN.resolve("cn/keyaccount/base/ui"))
                        && Files.readString(file).contains("NotificationVariant.LUMO_ERROR")) {
                    elsewhere.add(file.toString());
                }
            }
        }
        assertEquals(List.of(), elsewhere, "show a failure with base/ui/Errors, not a notification helper of its own");
    }

    private static List<Path> uiSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.getParent().getFileName().toString().equals("ui")).toList();
        }
    }
}
