package cn.keyaccount.org;

/**
 * HQL pieces about units for other features' queries, so that the {@code OrgUnit} entity is written only in this
 * package (ArchitectureTest: {@code query_strings_name_no_entity_of_another_feature}).
 */
public final class OrgUnitQueries {

    private OrgUnitQueries() {
    }

    /**
     * The path pattern of a unit's subtree, as a subquery on the unit's id parameter: write
     * {@code x.unit.path like } followed by it to keep the rows of that unit and the units below it, in the same
     * statement (an unknown unit matches nothing).
     */
    public static String subtreePattern(String unitIdParameter) {
        return "(select concat(ou.path, '%') from OrgUnit ou where ou.id = :" + unitIdParameter + ")";
    }
}
