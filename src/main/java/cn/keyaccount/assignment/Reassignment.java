package cn.keyaccount.assignment;

import java.util.List;

/** A supervisor's decision: these customers now belong to this manager (and backup), for this reason. */
public record Reassignment(List<Long> customerIds, Long managerId, Long backupManagerId, String reason) {
}
