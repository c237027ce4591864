package cn.keyaccount.energy;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

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

    EnergyService(CustomerService customers, TransformerService transformers, TariffService tariffs,
                  IntervalStore store, ReadingImporter importer, EnergyConfig config, EntityManager em) {
        this.customers = customers;
        this.transformers = transformers;
        this.tariffs = tariffs;
        this.store = store;
        this.importer = importer;
        this.config = config;
        this.em = em;
    }

    /** Where a customer's readings are and which tariff applies. */
    public record Coverage(LocalDate firstDay, LocalDate lastDay, List<MeterView> meters, String province,
                           String voltageClass) {
    }

    public Coverage coverage(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        LocalDate[] days = store.coveredDays(customerId);
        String[] profile = profile(customerId);
        return new Coverage(days == null ? null : days[0], days == null ? null : days[1], store.meters(customerId),
                profile[0], profile[1]);
    }

    public EnergyAnalyzer.Result analyse(Viewer viewer, long customerId, LocalDate from, LocalDate to) {
        CustomerDetails c = customers.get(viewer, customerId);
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw BusinessException.invalid("energy.error.period", MAX_DAYS);
        }
        String[] profile = profile(customerId);
        List<EnergyAnalyzer.TransformerSpec> specs = transformers.list(viewer, customerId).stream()
                .map(t -> new EnergyAnalyzer.TransformerSpec(t.name(), t.ratedKva().doubleValue(),
                        t.noLoadLossKw().doubleValue(), t.loadLossKw().doubleValue()))
                .toList();
        BigDecimal declared = profile[2] == null ? null : new BigDecimal(profile[2]);
        IntervalSeries series = store.customerSeries(customerId, from, to);
        return new EnergyAnalyzer(config.settings()).analyse(new EnergyAnalyzer.Input(series,
                c.operatingCapacityKva(), c.basicChargeMode(), declared,
                PowerFactorStandard.of(c.powerFactorStandard()), specs,
                tariffs.resolver(profile[0], profile[1])));
    }

    /** Imports a file for a customer the viewer may edit; the report says what was stored or why nothing was. */
    public ImportReport importReadings(Viewer viewer, long customerId, String fileName, InputStream content) {
        CustomerDetails c = customers.get(viewer, customerId);
        if (!c.editable()) {
            throw BusinessException.forbidden("error.customer-read-only");
        }
        String name = fileName == null || fileName.isBlank() ? "readings.csv" : fileName;
        return importer.importFile(customerId, name, ReadingImporter.sourceFor(name, content));
    }

    /** province, voltage class, declared kW (null when none) of the customer's energy profile or the defaults. */
    private String[] profile(long customerId) {
        List<?> rows = em.createNativeQuery("select province, voltage_class, cast(declared_kw as varchar) "
                + "from customer_energy_profile where customer_id = ?1").setParameter(1, customerId).getResultList();
        if (rows.isEmpty()) {
            return new String[] {config.defaultProvince(), config.defaultVoltageClass(), null};
        }
        Object[] r = (Object[]) rows.getFirst();
        return new String[] {(String) r[0], (String) r[1], (String) r[2]};
    }
}
