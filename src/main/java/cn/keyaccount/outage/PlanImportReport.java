package cn.keyaccount.outage;

import java.util.List;

/** What a weekly maintenance-plan import did: all rows registered, or none and every problem. */
public record PlanImportReport(String file, int rows, int imported, List<ImportProblem> problems,
                               List<Long> outageIds) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
