package cn.keyaccount.billing;

import java.util.List;

/**
 * What an import did: with any problem nothing was stored ({@code imported} 0); otherwise every row was, and
 * {@code noticeId} names the notice that tells the customers (null when no notice was needed).
 */
public record ImportReport(String file, int rows, int imported, List<ImportProblem> problems, Long noticeId) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
