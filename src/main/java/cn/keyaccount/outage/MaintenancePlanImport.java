package cn.keyaccount.outage;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ImportMetrics;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.network.SupplyLine;
import cn.keyaccount.security.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Imports a weekly maintenance plan: every row becomes an outage with its warnings, or — when any row is bad — none
 * does and each problem is reported with its row and column (the same all-or-nothing rule as the bill import).
 */
@ApplicationScoped
public class MaintenancePlanImport {

    private final OutageService outages;
    private final NetworkService network;
    private final OutageSettings settings;

    private final Clock clock;

    private final ImportMetrics importMetrics;

    MaintenancePlanImport(Clock clock, OutageService outages, NetworkService network, OutageSettings settings,
                          ImportMetrics importMetrics) {
        this.importMetrics = importMetrics;
        this.clock = clock;
        this.outages = outages;
        this.network = network;
        this.settings = settings;
    }

    @Transactional
    public PlanImportReport importPlan(Viewer viewer, String file, byte[] content) {
        PlanImportReport report = plan(viewer, file, content);
        importMetrics.imported(ImportMetrics.Kind.MAINTENANCE_PLANS, report.rows(), report.problems().isEmpty());
        return report;
    }

    private PlanImportReport plan(Viewer viewer, String file, byte[] content) {
        MaintenancePlanFile.Parsed parsed = MaintenancePlanFile.read(content, settings.zone());
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        List<OutageDraft> drafts = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (MaintenancePlanFile.PlanRow r : parsed.rows()) {
            List<Long> lines = new ArrayList<>();
            for (String code : r.lineCodes()) {
                SupplyLine line = network.byCode(code);
                if (line == null) {
                    problems.add(new ImportProblem(r.row(), "lines", "outage.import.unknown-line", code));
                } else {
                    lines.add(line.getId());
                }
            }
            List<Long> substations = new ArrayList<>();
            for (String name : r.substations()) {
                Long id = network.substationIdByName(name);
                if (id == null) {
                    problems.add(new ImportProblem(r.row(), "substations", "outage.import.unknown-substation", name));
                } else {
                    substations.add(id);
                }
            }
            OffsetDateTime start = r.start().atZone(settings.zone()).toOffsetDateTime();
            if (!start.isAfter(now)) {
                problems.add(new ImportProblem(r.row(), "start", "outage.import.start-past", r.start().toString()));
            }
            drafts.add(new OutageDraft(r.kind(), r.title(), r.reason(), r.area(), r.transformerAreas(), start,
                    r.end().atZone(settings.zone()).toOffsetDateTime(), null, null, lines, substations, null));
        }
        int rows = parsed.rows().size() + (int) parsed.problems().stream().map(ImportProblem::row)
                .filter(row -> row > 1).distinct().count();
        List<Long> ids = new ArrayList<>();
        if (problems.isEmpty()) {
            for (int i = 0; i < drafts.size(); i++) {
                try {
                    ids.add(outages.register(viewer, drafts.get(i), file).id());
                } catch (BusinessException e) {
                    if (e.kind() == BusinessException.Kind.FORBIDDEN) {
                        throw e;
                    }
                    problems.add(new ImportProblem(parsed.rows().get(i).row(), e.fieldErrors().isEmpty() ? ""
                            : e.fieldErrors().getFirst().field(), e.fieldErrors().isEmpty() ? e.key()
                            : e.fieldErrors().getFirst().key(), ""));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            // a row refused while registering leaves the earlier rows written in this transaction: undo them all
            QuarkusTransaction.setRollbackOnly();
            problems.sort(Comparator.comparingInt(ImportProblem::row));
            return new PlanImportReport(file, rows, 0, problems, List.of());
        }
        return new PlanImportReport(file, rows, ids.size(), List.of(), ids);
    }
}
