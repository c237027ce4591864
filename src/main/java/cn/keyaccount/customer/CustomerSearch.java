package cn.keyaccount.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the customer list asks for. {@code text} matches name, 户号, credit code, industry, lines and managers;
 * {@code unitId} includes the units below it; {@code groups} are filters another feature defines
 * ({@link CustomerGroups}: a segment, a tag). Null fields do not filter.
 */
public record CustomerSearch(String text, Tier tier, Long unitId, BigDecimal voltageKv, Importance importance,
                             Long managerId, List<Group> groups) {

    public CustomerSearch {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public CustomerSearch(String text, Tier tier, Long unitId, BigDecimal voltageKv, Importance importance,
                          Long managerId) {
        this(text, tier, unitId, voltageKv, importance, managerId, List.of());
    }

    /** This search, also keeping the members of the group {@code value} of the filter {@code name}. */
    public CustomerSearch withGroup(String name, String value) {
        List<Group> more = new ArrayList<>(groups);
        more.add(new Group(name, value));
        return new CustomerSearch(text, tier, unitId, voltageKv, importance, managerId, more);
    }

    /** A filter of another feature ({@link CustomerGroups#name()}) and the group it keeps. */
    public record Group(String name, String value) {
    }

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
