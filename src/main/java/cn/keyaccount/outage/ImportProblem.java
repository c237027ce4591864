package cn.keyaccount.outage;

/** A bad row of a maintenance-plan file: row (1 = header), column, message key and the value found. */
public record ImportProblem(int row, String field, String key, String value) {
}
