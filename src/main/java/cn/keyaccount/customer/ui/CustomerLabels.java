package cn.keyaccount.customer.ui;

/** Translation keys of the customer enums: {@code customer.<type>.<CONSTANT>}, e.g. customer.importance.FIRST. */
final class CustomerLabels {

    private CustomerLabels() {
    }

    static String key(Enum<?> value) {
        String type = value.getDeclaringClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        return "customer." + type + "." + value.name();
    }
}
