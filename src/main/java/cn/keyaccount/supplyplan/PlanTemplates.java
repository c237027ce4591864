package cn.keyaccount.supplyplan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The content templates per event type: JSON files in reports/templates/supplyplan/ that supervisors may edit
 * without a developer (risks with measures, resources, duty roles, checklist tasks due a number of days before the
 * event). Read on every use, so an edited file in a running system's classpath folder applies to the next plan.
 */
@ApplicationScoped
class PlanTemplates {

    static final String FOLDER = "reports/templates/supplyplan/";

    /** A checklist task of a template, due {@code daysBefore} days before the plan starts (negative: after). */
    record TaskTemplate(String title, Party party, String owner, int daysBefore) {
    }

    record PlanTemplate(String supplySources, List<CriticalLoad> loads, List<RiskPoint> risks,
                        List<EmergencyResource> resources, List<Duty> duties, List<TaskTemplate> tasks) {
        PlanTemplate {
            loads = loads == null ? List.of() : loads;
            risks = risks == null ? List.of() : risks;
            resources = resources == null ? List.of() : resources;
            duties = duties == null ? List.of() : duties;
            tasks = tasks == null ? List.of() : tasks;
        }
    }

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    PlanTemplate forEvent(EventType type) {
        String path = FOLDER + type.templateFile();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Plan template missing: " + path);
            }
            return json.readValue(in, PlanTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Plan template unreadable: " + path, e);
        }
    }
}
