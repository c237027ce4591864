package cn.keyaccount;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import jakarta.persistence.Entity;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout rules of docs/architecture.md ("Rules checked by ArchUnit"): package by feature, dependencies pointing
 * one way (ui/rest → service → repository/entity), features talking through services, no cycles between features,
 * and a base that knows no feature.
 */
@AnalyzeClasses(packages = "cn.keyaccount", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "cn.keyaccount.";
    /**
     * The demo data generator fills a whole company in bulk with JDBC and reads whatever it needs from every
     * feature; it is a tool at the edge of the application, not a feature, so the feature rules leave it out.
     */
    private static final String DEMO = ROOT + "demo";

    @ArchTest
    static final ArchRule views_and_resources_are_used_only_by_views_and_resources =
            noClasses().that().resideInAPackage("cn.keyaccount..")
                    .and().resideOutsideOfPackages("cn.keyaccount..ui..", "cn.keyaccount..rest..")
                    .should().dependOnClassesThat()
                    .resideInAnyPackage("cn.keyaccount..ui..", "cn.keyaccount..rest..");

    @ArchTest
    static final ArchRule repositories_are_used_only_within_their_own_feature =
            classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage("cn.keyaccount..")
                    .should(beUsedOnlyWithinTheirOwnFeature());

    @ArchTest
    static final ArchRule views_do_not_reach_repositories =
            noClasses().that().resideInAPackage("cn.keyaccount..ui..")
                    .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository");

    /** Views and resources may call any feature's service, so only the feature cores count for cycles. */
    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other_in_a_cycle =
            SlicesRuleDefinition.slices().assignedFrom(featureCores()).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule base_depends_on_no_feature =
            noClasses().that().resideInAPackage("cn.keyaccount.base..")
                    .should().dependOnClassesThat(DescribedPredicate.describe("reside in a feature package",
                            c -> !feature(c).isEmpty() && !feature(c).equals("base")));

    /**
     * The notice engine sits below the features it serves: a feature schedules its own reminders through it
     * (visit, supply plans, outages, billing), and the engine knows only its recipients (customers and their
     * contacts, staff users), the audit log and base; its screens add sections to the workbench, which knows no
     * feature either.
     */
    @ArchTest
    static final ArchRule the_notice_engine_knows_no_feature_it_serves =
            noClasses().that().resideInAPackage("cn.keyaccount.notice..")
                    .should().dependOnClassesThat(DescribedPredicate.describe(
                            "reside in a feature other than customer, security, audit, workbench and base",
                            c -> !feature(c).isEmpty()
                                    && !List.of("notice", "customer", "security", "audit", "workbench", "base")
                                    .contains(feature(c))));

    /**
     * The workbench shows what the features contribute (their {@code ui} packages implement
     * {@code workbench/ui/WorkbenchSection}) and knows none of them: it depends on the viewer (security) and base
     * only, so that a new feature adds its section without touching the workbench.
     */
    @ArchTest
    static final ArchRule the_workbench_knows_no_feature_it_shows =
            noClasses().that().resideInAPackage("cn.keyaccount.workbench..")
                    .should().dependOnClassesThat(DescribedPredicate.describe(
                            "reside in a feature other than security and base",
                            c -> !feature(c).isEmpty()
                                    && !List.of("workbench", "security", "base").contains(feature(c))));

    /**
     * The customer book knows none of the features that group or sell to its customers: its list filters by a
     * portrait segment or tag through {@code customer/CustomerGroups} beans the portrait contributes, and the
     * opportunities (商机) sit above the portrait, so that neither becomes a dependency of the customer package.
     */
    @ArchTest
    static final ArchRule the_customer_book_knows_neither_portrait_nor_opportunities =
            noClasses().that().resideInAPackage("cn.keyaccount.customer..")
                    .should().dependOnClassesThat().resideInAnyPackage("cn.keyaccount.portrait..",
                            "cn.keyaccount.opportunity..");

    /** Nothing but the demo generator depends on the opportunities: they are at the top of the feature graph. */
    @ArchTest
    static final ArchRule no_feature_depends_on_the_opportunities =
            noClasses().that().resideInAPackage("cn.keyaccount..")
                    .and().resideOutsideOfPackages("cn.keyaccount.opportunity..", DEMO + "..")
                    .should().dependOnClassesThat().resideInAPackage("cn.keyaccount.opportunity..");

    /**
     * Features talk through services inside their query strings too, where ArchUnit's class dependencies cannot see:
     * a JPQL/HQL string of one feature names no entity of another (after {@code from}, {@code join},
     * {@code update}, {@code delete} or a comma) and no class of another feature by its full name (an enum literal
     * such as {@code cn.keyaccount.customer.Tier.A}). The owning feature publishes what the others need: records, or
     * a subquery built in its own package ({@code customer/CustomerQueries}, {@code org/OrgUnitQueries}). Which
     * entity belongs to which feature comes from the {@code @Entity} classes; the strings from each class file's
     * constant pool (literals, text blocks, constants folded by javac, templates of concatenations).
     */
    @ArchTest
    static final ArchRule query_strings_name_no_entity_of_another_feature =
            classes().that().resideInAPackage("cn.keyaccount..").and().resideOutsideOfPackage(DEMO + "..")
                    .should(nameNoEntityOfAnotherFeatureInTheirStrings());

    private static final Set<String> CLOCKED = Set.of("java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.Instant",
            "java.time.YearMonth", "java.time.Year");

    /** The one class that may read the system clock: the one that makes the application's Clock. */
    private static final List<String> SYSTEM_CLOCK_ALLOWED = List.of(ROOT + "base.TimeSettings");

    /**
     * The current time comes from the one injected {@link java.time.Clock} ({@code base/TimeSettings}, in
     * {@code keyaccount.zone}), so that tests set the time instead of depending on when they run: no class calls a
     * {@code now()} of java.time without a Clock argument. Allowed, each for its reason:
     * <ul>
     * <li>{@code base/TimeSettings}, which makes the clock;</li>
     * <li>the demo generator, a tool at the edge whose dates only need to look plausible;</li>
     * <li>JPA entities: they are not CDI beans and cannot take the Clock; their {@code now()} stamps when a row is
     * written (created, updated, closed) — a service that needs a business date passes it in.</li>
     * </ul>
     */
    @ArchTest
    static final ArchRule the_time_comes_from_the_injected_clock =
            noClasses().that().resideInAPackage("cn.keyaccount..")
                    .and(DescribedPredicate.not(mayReadTheSystemClock()))
                    .should().callMethodWhere(DescribedPredicate.describe(
                            "a now() of java.time without a Clock argument",
                            call -> call.getName().equals("now")
                                    && CLOCKED.contains(call.getTargetOwner().getName())
                                    && !(call.getTarget().getRawParameterTypes().size() == 1
                                    && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(java.time.Clock.class))));

    private static DescribedPredicate<JavaClass> mayReadTheSystemClock() {
        return DescribedPredicate.describe("are allowed to read the system clock", c -> {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return top.getPackageName().startsWith(DEMO) || top.isAnnotatedWith(Entity.class)
                    || SYSTEM_CLOCK_ALLOWED.contains(top.getName());
        });
    }

    /** "View" means a screen: a data record is a Details, Row or Summary, never a View. */
    @ArchTest
    static final ArchRule only_screens_are_called_views =
            classes().that().haveSimpleNameEndingWith("View").and().resideInAPackage("cn.keyaccount..")
                    .should().resideInAPackage("cn.keyaccount..ui..")
                    .andShould().beAssignableTo(com.vaadin.flow.component.Component.class);

    /** The feature a class belongs to: the first package below cn.keyaccount. */
    static String feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT)) {
            return "";
        }
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> beUsedOnlyWithinTheirOwnFeature() {
        return new ArchCondition<>("be used only by classes of their own feature (features talk through services)") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency d : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = d.getOriginClass();
                    if (origin.getPackageName().startsWith(DEMO)) {
                        continue;
                    }
                    if (!feature(origin).equals(feature(repository))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> nameNoEntityOfAnotherFeatureInTheirStrings() {
        return new ArchCondition<>("name no entity of another feature in their query strings") {
            private final Map<String, String> featureOfEntity = new TreeMap<>();
            private Pattern entityNamed;

            @Override
            public void init(Collection<JavaClass> all) {
                for (JavaClass c : all) {
                    if (c.isAnnotatedWith(Entity.class)) {
                        String name = c.getAnnotationOfType(Entity.class).name();
                        featureOfEntity.put(name.isEmpty() ? c.getSimpleName() : name, feature(c));
                    }
                }
                if (featureOfEntity.isEmpty()) {
                    throw new IllegalStateException("no @Entity class found: the rule would check nothing");
                }
                entityNamed = Pattern.compile("(?i:\\bfrom|\\bjoin|\\bupdate|\\bdelete|,)\\s+("
                        + String.join("|", featureOfEntity.keySet()) + ")\\b|\\bcn\\.keyaccount\\.(\\w+)\\.");
            }

            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String own = feature(c);
                if (own.isEmpty()) {
                    return;
                }
                for (String s : ClassFileStrings.of(c)) {
                    Set<String> named = new TreeSet<>();
                    Matcher m = entityNamed.matcher(s);
                    while (m.find()) {
                        String other = m.group(1) != null ? featureOfEntity.get(m.group(1)) : m.group(2);
                        if (!other.equals(own) && !other.equals("base")) {
                            named.add((m.group(1) != null ? m.group(1) : m.group()) + " (" + other + ")");
                        }
                    }
                    if (!named.isEmpty()) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " names " + named + " in \""
                                + s.replace('\u0001', '…') + "\""));
                    }
                }
            }
        };
    }

    private static SliceAssignment featureCores() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String pkg = c.getPackageName();
                if (!pkg.startsWith(ROOT) || pkg.matches(".*\\.(ui|rest)(\\..*)?") || pkg.startsWith(DEMO)) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(feature(c));
            }

            @Override
            public String getDescription() {
                return "feature packages cn.keyaccount.(*) without their ui and rest (and without the demo generator)";
            }
        };
    }
}
