package cn.keyaccount.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.TransformerDraft;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.Api;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Customers of the report tests' own, with interval data imported through the energy import (never demo data): a
 * day-shift plant whose reactive energy is 0.6 of its active energy (power factor 0.86, below the 0.90 standard).
 */
@ApplicationScoped
class ReportFixtures {

    static final Viewer SYSTEM = Viewer.system();
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000L * 10);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CustomerService customers;
    private final TransformerService transformers;
    private final EnergyService energy;
    private final EntityManager em;

    ReportFixtures(CustomerService customers, TransformerService transformers, EnergyService energy,
                   EntityManager em) {
        this.customers = customers;
        this.transformers = transformers;
        this.energy = energy;
        this.em = em;
    }

    /** A new customer (a copy of a demo one, new 户号 and credit code) with one 1,250 kVA transformer. */
    long newCustomer() {
        long template = customers.search(SYSTEM, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1).getFirst()
                .id();
        CustomerDetails t = customers.get(SYSTEM, template);
        CustomerDraft d = t.toDraft();
        long serial = SERIAL.incrementAndGet() % 100_000_000L;
        d.setAccountNo(String.format("96%08d", serial));
        d.setCreditCode(Api.creditCode(serial + 50_000_000L));
        d.setName("报告测试客户 " + serial);
        d.setContractCapacityKva(new BigDecimal("1250"));
        d.setOperatingCapacityKva(new BigDecimal("1250"));
        d.setBasicChargeMode(cn.keyaccount.customer.BasicChargeMode.CAPACITY);
        d.setPowerFactorStandard(new BigDecimal("0.90"));
        long id = customers.create(SYSTEM, d).id();
        transformer(id, "1#主变", "1250", "1.2", "10.5");
        return id;
    }

    /** Adds a transformer to a customer; returns its id. */
    long transformer(long customerId, String name, String kva, String p0, String pk) {
        TransformerDraft x = new TransformerDraft();
        x.setName(name);
        x.setRatedKva(new BigDecimal(kva));
        x.setNoLoadLossKw(new BigDecimal(p0));
        x.setLoadLossKw(new BigDecimal(pk));
        return transformers.add(SYSTEM, customerId, x).id();
    }

    /** Says which transformer a meter is on (the metering system's export does not). */
    @Transactional
    void mapMeter(String meterNo, long transformerId) {
        assertEquals(1, em.createNativeQuery("update meter set transformer_id = ?1 where meter_no = ?2")
                .setParameter(1, transformerId).setParameter(2, meterNo).executeUpdate());
    }

    /** Imports 15-minute data of a day-shift plant for the days from..to (inclusive); returns the meter number. */
    String importDays(long customerId, LocalDate from, LocalDate to) {
        String meter = "RT" + SERIAL.incrementAndGet();
        StringBuilder csv = new StringBuilder("表号,时间,有功kWh,无功kvarh\n");
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDateTime start = day.atStartOfDay();
            for (int k = 1; k <= 96; k++) {
                double hour = (k - 0.5) / 4.0;
                double kw = 150 + (hour >= 8 && hour < 18 ? 450 : 0) + 40 * Math.sin(day.getDayOfYear() / 58.0)
                        + (k % 7) * 3;
                double kwh = Math.round(kw / 4 * 100) / 100.0;
                csv.append(meter).append(',').append(start.plusMinutes(15L * k).format(TIME)).append(',')
                        .append(kwh).append(',').append(Math.round(kwh * 60) / 100.0).append('\n');
            }
        }
        assertTrue(energy.importReadings(SYSTEM, customerId, "report-test.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))).accepted());
        return meter;
    }
}
