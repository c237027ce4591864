package cn.keyaccount.org;

/** A unit as the rest of the application sees it. */
public record UnitDetails(Long id, String code, String name, String nameEn, OrgUnit.Level level, Long parentId,
                       String path, int depth) {

    static UnitDetails of(OrgUnit unit) {
        int depth = (int) unit.getPath().chars().filter(c -> c == '/').count() - 2;
        return new UnitDetails(unit.getId(), unit.getCode(), unit.getName(), unit.getNameEn(), unit.getLevel(),
                unit.getParent() == null ? null : unit.getParent().getId(), unit.getPath(), depth);
    }

    public String displayName(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }
}
