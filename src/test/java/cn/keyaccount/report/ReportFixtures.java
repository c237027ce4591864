package cn.keyaccount.report;

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

    ReportFixtures(CustomerService customers, TransformerService transformers, EnergyService energy) {
        this.customers = customers;
        this.transformers = transformers;
        this.energy = energy;
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
        TransformerDraft x = new TransformerDraft();
        x.setName("1#主变");
        x.setRatedKva(new BigDecimal("1250"));
        x.setNoLoadLossKw(new BigDecimal("1.2"));
        x.setLoadLossKw(new BigDecimal("10.5"));
        transformers.add(SYSTEM, id, x);
        return id;
    }

    /** Imports 15-minute data of a day-shift plant for the days from..to (inclusive). */
    void importDays(long customerId, LocalDate from, LocalDate to) {
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
    }
}
