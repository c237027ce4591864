package cn.keyaccount.customer;

import java.math.BigDecimal;

/**
 * What the customer list asks for. {@code text} matches name, 户号, credit code, industry, lines and managers;
 * {@code unitId} includes the units below it. Null fields do not filter.
 */
public record CustomerSearch(String text, Tier tier, Long unitId, BigDecimal voltageKv, Importance importance,
                             Long managerId) {

    public static CustomerSearch all() {
        return new CustomerSearch(null, null, null, null, null, null);
    }

    public static CustomerSearch text(String text) {
        return new CustomerSearch(text, null, null, null, null, null);
    }

    /** Sortable columns of the list. */
    public enum SortBy {
        NAME("c.name"), ACCOUNT_NO("c.accountNo"), CAPACITY("c.contractCapacityKva"), TIER("c.tier"),
        ANNUAL_KWH("c.annualKwh"), VOLTAGE("c.voltageKv"), UPDATED("c.updatedAt");

        final String path;

        SortBy(String path) {
            this.path = path;
        }
    }

    public record Order(SortBy by, boolean descending) {
        public static final Order DEFAULT = new Order(SortBy.NAME, false);
    }
}
