package cn.keyaccount.billing;

/** A row the import refused: which file, row (1 = header) and field, why (a message key) and the value found. */
public record ImportProblem(String file, int row, String field, String key, String value) {
}
