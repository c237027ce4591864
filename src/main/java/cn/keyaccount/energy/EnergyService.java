package cn.keyaccount.energy;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ImportMetrics;
import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.CustomerValidator;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.customer.TransformerDetails;
import cn.keyaccount.customer.TransformerHistory;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The energy analysis of one customer and period, and the import of its interval data, within what the viewer may
 * see (another's customer is absent) and change (importing needs the right to edit the customer).
 */
@ApplicationScoped
public class EnergyService {

    /** A period longer than this is refused: the analysis holds the whole series in memory. */
    static final int MAX_DAYS = 3 * 366;

    private final CustomerService customers;
    private final TransformerService transformers;
    private final TariffService tariffs;
    private final IntervalStore store;
    private final ReadingImporter importer;
    private final EnergyConfig config;
    private final EntityManager em;

    private final ImportMetrics importMetrics;

    EnergyService(CustomerService customers, TransformerService transformers, TariffService tariffs,
                  IntervalStore store, ReadingImporter importer, EnergyConfig config, EntityManager em,
                  ImportMetrics importMetrics) {
        this.importMetrics = importMetrics;
        this.customers = customers;
        this.transformers = transformers;
        this.tariffs = tariffs;
        this.store = store;
        this.importer = importer;
        this.config = config;
        this.em = em;
    }

    /** Where a customer's readings are and which tariff applies. */
    public record Coverage(LocalDate firstDay, LocalDate lastDay, List<MeterDetails> meters, String province,
                           String voltageClass) {
    }

    public Coverage coverage(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        LocalDate[] days = store.coveredDays(customerId);
        String[] profile = profile(customerId);
        return new Coverage(days == null ? null : days[0], days == null ? null : days[1], store.meters(customerId),
                profile[0], profile[1]);
    }

    /**
     * The health score over the energy tab's default period (the twelve months up to the last day with readings,
     * from the first day when there is less), or empty when the customer has no readings: for the customer card.
     */
    public OptionalInt healthScore(Viewer viewer, long customerId) {
        Coverage c = coverage(viewer, customerId);
        if (c.lastDay() == null) {
            return OptionalInt.empty();
        }
        LocalDate from = c.lastDay().minusYears(1).plusDays(1);
        return OptionalInt.of(analyse(viewer, customerId, from.isBefore(c.firstDay()) ? c.firstDay() : from,
                c.lastDay()).health().total());
    }

    /** An analysis together with the interval data it was made from. */
    public record Analysis(EnergyAnalyzer.Result result, IntervalSeries series) {
    }

    public EnergyAnalyzer.Result analyse(Viewer viewer, long customerId, LocalDate from, LocalDate to) {
        return analyseWithSeries(viewer, customerId, from, to).result();
    }

    /** The analysis and its interval data, for a caller that shows both (a report): the data is read once. */
    public Analysis analyseWithSeries(Viewer viewer, long customerId, LocalDate from, LocalDate to) {
        CustomerDetails c = customers.get(viewer, customerId);
        requirePeriod(from, to);
        String[] profile = profile(customerId);
        IntervalStore.MeterSums sums = store.meterSums(customerId, from, to);
        List<TransformerHistory> histories = transformers.histories(viewer, customerId);
        List<EnergyAnalyzer.TransformerSpec> specs = histories.stream().map(TransformerHistory::transformer)
                .map(t -> new EnergyAnalyzer.TransformerSpec(t.name(), t.ratedKva().doubleValue(),
                        t.noLoadLossKw().doubleValue(), t.loadLossKw().doubleValue(),
                        sums.byTransformer().get(t.id())))
                .toList();
        BigDecimal declared = profile[2] == null ? null : new BigDecimal(profile[2]);
        return new Analysis(new EnergyAnalyzer(config.settings()).analyse(new EnergyAnalyzer.Input(sums.customer(),
                c.operatingCapacityKva(), c.basicChargeMode(), declared,
                PowerFactorStandard.of(c.powerFactorStandard()), specs, sums.unmapped(),
                tariffs.resolver(profile[0], profile[1]), new CapacityInService(histories))), sums.customer());
    }

    /** The period's load curve for the dashboard's chart (15-minute points up to a month, hourly beyond). */
    public LoadCurve loadCurve(Viewer viewer, long customerId, LocalDate from, LocalDate to) {
        customers.get(viewer, customerId);
        requirePeriod(from, to);
        return LoadCurve.of(store.customerSeries(customerId, from, to));
    }

    private static boolean outside(BigDecimal x, String min, String max) {
        return x.compareTo(new BigDecimal(min)) < 0 || x.compareTo(new BigDecimal(max)) > 0;
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw BusinessException.invalid("energy.error.period", MAX_DAYS);
        }
    }

    /**
     * Imports a file for a customer the viewer may edit; the report says what was stored or why nothing was. May run
     * on a background thread (the upload dialog's), hence its own request context.
     */
    @ActivateRequestContext
    public ImportReport importReadings(Viewer viewer, long customerId, String fileName, InputStream content) {
        return importReadings(viewer, customerId, fileName, content, false);
    }

    /**
     * As {@link #importReadings(Viewer, long, String, InputStream)}; {@code replaceShorterDays} is the user's
     * confirmation that stored days may be replaced by days with fewer readings (refused otherwise). Readings above
     * what the customer's capacity (the larger of contract and operating) can draw are refused.
     */
    @ActivateRequestContext
    public ImportReport importReadings(Viewer viewer, long customerId, String fileName, InputStream content,
                                       boolean replaceShorterDays) {
        CustomerDetails c = customers.get(viewer, customerId);
        if (!c.editable()) {
            throw BusinessException.forbidden("error.customer-read-only");
        }
        String name = fileName == null || fileName.isBlank() ? "readings.csv" : fileName;
        BigDecimal capacity = larger(c.contractCapacityKva(), c.operatingCapacityKva());
        ImportReport report = importer.importFile(customerId, name, ReadingImporter.sourceFor(name, content),
                new ReadingImporter.Options(capacity, replaceShorterDays));
        importMetrics.imported(ImportMetrics.Kind.READINGS, report.rows(), report.accepted());
        return report;
    }

    private static BigDecimal larger(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    /** The customer's energy profile (the defaults where none is stored). */
    public EnergyProfile profile(Viewer viewer, long customerId) {
        CustomerDetails c = customers.get(viewer, customerId);
        String[] p = profile(customerId);
        return new EnergyProfile(customerId, p[0], p[1], c.basicChargeMode(), p[2] == null ? null : new BigDecimal(p[2]),
                c.operatingCapacityKva(), PowerFactorStandard.of(c.powerFactorStandard()), c.version(),
                p[3] == null ? -1 : Long.parseLong(p[3]));
    }

    /**
     * Changes a customer's energy profile: the tariff (a province and voltage class with a tariff), the declared
     * demand (positive, at least 40 % of the capacity, needed for contract-demand billing), and on the customer's
     * record the basic-charge mode, the operating capacity and the power-factor standard. Stale versions are refused.
     */
    /** The transformers a meter of the customer can be put on. */
    public List<TransformerDetails> transformersOf(Viewer viewer, long customerId) {
        return transformers.list(viewer, customerId);
    }

    /** A meter's transformer: the one its readings load (null: none, its readings shared by rating). */
    public record MeterAssignment(Long transformerId) {
    }

    /**
     * Puts a meter on one of the customer's transformers, or on none ({@code transformerId} null): the analysis loads
     * a transformer from its own meters, and shares the meters on no transformer among the others by rating.
     */
    @Transactional
    public MeterDetails assignMeter(Viewer viewer, long customerId, long meterId, MeterAssignment assignment) {
        CustomerDetails c = customers.get(viewer, customerId);
        if (!c.editable()) {
            throw BusinessException.forbidden("error.customer-read-only");
        }
        Long transformerId = assignment.transformerId();
        if (transformerId != null && transformers.list(viewer, customerId).stream()
                .noneMatch(t -> t.id() == transformerId)) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("transformerId",
                    "energy.error.transformer-not-found", transformerId)));
        }
        int changed = em.createNativeQuery("update meter set transformer_id = ?1, version = version + 1 "
                        + "where id = ?2 and customer_id = ?3").setParameter(1, transformerId)
                .setParameter(2, meterId).setParameter(3, customerId).executeUpdate();
        if (changed == 0) {
            throw BusinessException.notFound("energy.error.meter-not-found", meterId);
        }
        return store.meters(customerId).stream().filter(m -> m.id() == meterId).findFirst().orElseThrow();
    }

    @Transactional
    public EnergyProfile updateProfile(Viewer viewer, long customerId, EnergyProfile changed) {
        CustomerDetails c = customers.get(viewer, customerId);
        if (!c.editable()) {
            throw BusinessException.forbidden("error.customer-read-only");
        }
        EnergyProfile current = profile(viewer, customerId);
        if (!Objects.equals(changed.customerVersion(), current.customerVersion())
                || !Objects.equals(changed.profileVersion(), current.profileVersion())) {
            throw BusinessException.conflict("error.stale");
        }
        List<BusinessException.FieldError> errors = new java.util.ArrayList<>();
        if (changed.province() == null || changed.voltageClass() == null
                || !tariffs.hasTariff(changed.province(), changed.voltageClass())) {
            errors.add(new BusinessException.FieldError("province", "energy.error.no-tariff",
                    changed.province(), changed.voltageClass()));
        }
        if (changed.capacityKva() == null || changed.capacityKva().signum() <= 0) {
            errors.add(new BusinessException.FieldError("capacityKva", "error.positive"));
        } else if (outside(changed.capacityKva(), CustomerValidator.MIN_CAPACITY_KVA,
                CustomerValidator.MAX_CAPACITY_KVA)) {
            errors.add(new BusinessException.FieldError("capacityKva", "error.out-of-range",
                    CustomerValidator.MIN_CAPACITY_KVA, CustomerValidator.MAX_CAPACITY_KVA));
        }
        if (changed.declaredKw() != null && changed.declaredKw().signum() > 0
                && outside(changed.declaredKw(), "0.1", CustomerValidator.MAX_CAPACITY_KVA)) {
            errors.add(new BusinessException.FieldError("declaredKw", "error.out-of-range", "0.1",
                    CustomerValidator.MAX_CAPACITY_KVA));
        }
        if (changed.basicChargeMode() == null) {
            errors.add(new BusinessException.FieldError("basicChargeMode", "error.required"));
        }
        if (changed.powerFactorStandard() == null) {
            errors.add(new BusinessException.FieldError("powerFactorStandard", "error.required"));
        }
        BigDecimal declared = changed.declaredKw();
        if (declared != null && declared.signum() <= 0) {
            errors.add(new BusinessException.FieldError("declaredKw", "error.positive"));
        } else if (declared == null && changed.basicChargeMode() == BasicChargeMode.CONTRACT_DEMAND) {
            errors.add(new BusinessException.FieldError("declaredKw", "energy.error.declared-needed"));
        } else if (declared != null && changed.capacityKva() != null && declared.compareTo(
                changed.capacityKva().multiply(BasicChargeRules.CONTRACT_FLOOR)) < 0) {
            errors.add(new BusinessException.FieldError("declaredKw", "energy.error.declared-floor",
                    changed.capacityKva().multiply(BasicChargeRules.CONTRACT_FLOOR).stripTrailingZeros()
                            .toPlainString()));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalidFields(errors);
        }
        if (changed.basicChargeMode() != c.basicChargeMode()
                || changed.capacityKva().compareTo(c.operatingCapacityKva()) != 0
                || changed.powerFactorStandard().value().compareTo(c.powerFactorStandard()) != 0) {
            CustomerDraft draft = c.toDraft();
            draft.setBasicChargeMode(changed.basicChargeMode());
            draft.setOperatingCapacityKva(changed.capacityKva());
            draft.setPowerFactorStandard(changed.powerFactorStandard().value());
            customers.update(viewer, customerId, draft);
        }
        em.createNativeQuery("insert into customer_energy_profile (customer_id, province, voltage_class, declared_kw) "
                        + "values (?1, ?2, ?3, ?4) on conflict (customer_id) do update set province = excluded.province, "
                        + "voltage_class = excluded.voltage_class, declared_kw = excluded.declared_kw, "
                        + "version = customer_energy_profile.version + 1")
                .setParameter(1, customerId).setParameter(2, changed.province())
                .setParameter(3, changed.voltageClass()).setParameter(4, declared).executeUpdate();
        return profile(viewer, customerId);
    }

    public List<String> tariffProvinces() {
        return tariffs.provinces();
    }

    public List<String> tariffVoltageClasses() {
        return tariffs.voltageClasses();
    }

    public double targetPowerFactor() {
        return config.targetPowerFactor();
    }

    /** province, voltage class, declared kW (null when none), version (null when none) of the profile or the defaults. */
    private String[] profile(long customerId) {
        List<?> rows = em.createNativeQuery("select province, voltage_class, cast(declared_kw as varchar), cast(version as varchar) "
                + "from customer_energy_profile where customer_id = ?1").setParameter(1, customerId).getResultList();
        if (rows.isEmpty()) {
            return new String[] {config.defaultProvince(), config.defaultVoltageClass(), null, null};
        }
        Object[] r = (Object[]) rows.getFirst();
        return new String[] {(String) r[0], (String) r[1], (String) r[2], (String) r[3]};
    }
}
