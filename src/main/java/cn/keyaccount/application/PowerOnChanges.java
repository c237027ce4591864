package cn.keyaccount.application;

import cn.keyaccount.assignment.AssignmentService;
import cn.keyaccount.assignment.Reassignment;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CapacityChangeKind;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.TransformerDraft;
import cn.keyaccount.customer.TransformerHistory;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.energy.EnergyProfile;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a completed application changes in the master data, through the customer and energy features' own services
 * (so each change is checked and lands in the customer's audit trail): 新装 creates the new account's record
 * ({@link #newCustomer}); 增容 and 减容 set the contract and operating capacity to the capacity applied for; 计费方式变更 sets the basic-charge mode and, where the customer has a
 * tariff on its energy profile, the declared demand; 暂停 takes the named transformer out of service for the period
 * and 暂停恢复 ends its suspension ({@link TransformerService}), which the month-by-month basic charge reads.
 * <p>
 * The note it returns is kept on the application and translated where it is shown: one line per change, a
 * translation key and its arguments separated by tabs, an argument starting with {@code @} itself a key.
 */
@ApplicationScoped
class PowerOnChanges {

    /**
     * S13 distribution transformers (GB 20052 energy-efficiency level 3 as sold, the type the demo company fits):
     * rated kVA, no-load and load losses in kW. A new connection's transformer takes the smallest rating at or above
     * the capacity applied for until the 竣工检验 records the nameplate.
     */
    private static final List<BigDecimal[]> S13 = List.of(
            row("315", "0.34", "3.83"), row("400", "0.41", "4.52"), row("500", "0.48", "5.41"),
            row("630", "0.57", "6.20"), row("800", "0.70", "7.50"), row("1000", "0.83", "10.30"),
            row("1250", "0.97", "12.00"), row("1600", "1.17", "14.50"), row("2000", "1.36", "18.30"),
            row("2500", "1.60", "21.20"));

    private final CustomerService customers;
    private final EnergyService energy;
    private final TransformerService transformers;
    private final AssignmentService assignments;

    PowerOnChanges(CustomerService customers, EnergyService energy, TransformerService transformers,
                   AssignmentService assignments) {
        this.customers = customers;
        this.energy = energy;
        this.transformers = transformers;
        this.assignments = assignments;
    }

    /** Applies the changes; returns what was changed, for the application's record. */
    String apply(Viewer viewer, Application a) {
        long customerId = a.getCustomer().getId();
        List<String> done = new ArrayList<>();
        if (a.getKind() == ApplicationKind.NEW_CONNECTION && a.getCapacityKva() != null) {
            done.add(newCustomer(viewer, a));
        } else if (a.getKind().needsCapacity() && a.getCapacityKva() != null) {
            CustomerDetails c = customers.get(viewer, customerId);
            if (a.getTransformerId() != null && c.contractCapacityKva() != null) {
                done.add(transformerCapacity(viewer, a, customerId,
                        a.getCapacityKva().subtract(c.contractCapacityKva())));
                c = customers.get(viewer, customerId);
            }
            CustomerDraft d = c.toDraft();
            d.setContractCapacityKva(a.getCapacityKva());
            d.setOperatingCapacityKva(a.getCapacityKva());
            customers.update(viewer, customerId, d);
            done.add(line("application.change.capacity", plain(c.contractCapacityKva()), plain(a.getCapacityKva())));
        }
        if (a.getKind() == ApplicationKind.BILLING_CHANGE && a.getBasicChargeMode() != null) {
            EnergyProfile p = energy.profile(viewer, customerId);
            if (p.province() != null && p.voltageClass() != null) {
                energy.updateProfile(viewer, customerId, new EnergyProfile(customerId, p.province(),
                        p.voltageClass(), a.getBasicChargeMode(), a.getDemandKw() != null ? a.getDemandKw()
                        : p.declaredKw(), p.capacityKva(), p.powerFactorStandard(), p.customerVersion(),
                        p.profileVersion()));
                done.add(a.getDemandKw() == null
                        ? line("application.change.mode", mode(p.basicChargeMode()), mode(a.getBasicChargeMode()))
                        : line("application.change.mode-demand", mode(p.basicChargeMode()),
                        mode(a.getBasicChargeMode()), plain(a.getDemandKw())));
            } else {
                CustomerDetails c = customers.get(viewer, customerId);
                CustomerDraft d = c.toDraft();
                d.setBasicChargeMode(a.getBasicChargeMode());
                customers.update(viewer, customerId, d);
                done.add(line("application.change.mode", mode(c.basicChargeMode()), mode(a.getBasicChargeMode())));
            }
        }
        if (a.getKind() == ApplicationKind.REDUCTION_RESTORE && a.getTransformerId() != null) {
            done.add(restoreCapacity(viewer, a, customerId));
        }
        String reason = a.getNumber();
        if (a.getKind() == ApplicationKind.SUSPENSION && a.getTransformerId() != null && a.getPeriodFrom() != null) {
            transformers.suspend(viewer, a.getTransformerId(), a.getPeriodFrom(), a.getPeriodTo(), reason);
            done.add(line("application.change.suspended", a.getPeriodFrom().toString(),
                    a.getPeriodTo() == null ? "…" : a.getPeriodTo().toString()));
        } else if (a.getKind() == ApplicationKind.SUSPENSION_RESTORE && a.getTransformerId() != null) {
            java.time.LocalDate on = a.getPeriodFrom() != null ? a.getPeriodFrom() : a.getClosedOn();
            transformers.restore(viewer, a.getTransformerId(), on, reason);
            done.add(line("application.change.restored", on.toString()));
        } else if (a.getKind().hasPeriod() && a.getPeriodFrom() != null) {
            done.add(line("application.change.period", a.getPeriodFrom().toString(),
                    a.getPeriodTo() == null ? "…" : a.getPeriodTo().toString()));
        }
        return String.join("\n", done);
    }

    /**
     * 增容/减容 naming a transformer: the transformer's capacity changes by what the customer's total changes, from
     * the period's start (减容) or the day of completion, kept in its history by {@link TransformerService}.
     */
    private String transformerCapacity(Viewer viewer, Application a, long customerId, BigDecimal delta) {
        TransformerHistory h = transformers.history(viewer, customerId, a.getTransformerId());
        BigDecimal before = h.transformer().ratedKva();
        BigDecimal after = before.add(delta);
        LocalDate effective = a.getPeriodFrom() != null ? a.getPeriodFrom() : a.getClosedOn();
        transformers.changeCapacity(viewer, a.getTransformerId(), after, effective, a.getNumber());
        return line("application.change.transformer-capacity", h.transformer().name(), plain(before), plain(after),
                effective.toString());
    }

    /**
     * 减容恢复 naming a transformer: back to the capacity its last reduction took away, from the period's start or
     * the day of completion; the customer's contract capacity follows by the same difference.
     */
    private String restoreCapacity(Viewer viewer, Application a, long customerId) {
        TransformerHistory h = transformers.history(viewer, customerId, a.getTransformerId());
        TransformerHistory.CapacityChange reduction = h.capacityChanges().stream()
                .filter(c -> c.kind() == CapacityChangeKind.REDUCTION).reduce((x, y) -> y)
                .orElseThrow(() -> BusinessException.conflict("error.application-no-reduction",
                        h.transformer().name()));
        BigDecimal before = h.transformer().ratedKva();
        LocalDate effective = a.getPeriodFrom() != null ? a.getPeriodFrom() : a.getClosedOn();
        transformers.changeCapacity(viewer, a.getTransformerId(), reduction.kvaBefore(), effective, a.getNumber());
        CustomerDetails c = customers.get(viewer, customerId);
        CustomerDraft d = c.toDraft();
        d.setContractCapacityKva(c.contractCapacityKva().add(reduction.kvaBefore().subtract(before)));
        customers.update(viewer, customerId, d);
        return line("application.change.transformer-capacity", h.transformer().name(), plain(before),
                plain(reduction.kvaBefore()), effective.toString());
    }

    /** The account number a new connection gets at power on: 9 and the application's id (unique, found again). */
    static String newAccountNo(Application a) {
        return String.format("9%09d", a.getId());
    }

    /**
     * 新装: the new account's record, made once (found again by its account number): the applicant's name, credit
     * code, industry, unit and tariff, the address and capacity applied for, its voltage and supply mode; the
     * application's handler as its manager through the assignment history; one transformer of the capacity. The
     * records are written with the system's rights — a manager may not create customers, but completing power on
     * is the company's act — and audited in the name of who completed the step.
     */
    private String newCustomer(Viewer viewer, Application a) {
        Viewer company = new Viewer(viewer.userId(), viewer.username(), viewer.displayName(), Role.ADMIN, 0, "/");
        String accountNo = newAccountNo(a);
        Long existing = customers.idsByAccountNo(company, List.of(accountNo)).get(accountNo);
        if (existing != null) {
            return line("application.change.new-customer", accountNo, customers.get(company, existing).name());
        }
        CustomerDetails applicant = customers.get(company, a.getCustomer().getId());
        CustomerDraft d = applicant.toDraft();
        d.setAccountNo(accountNo);
        d.setVersion(null);
        if (!a.getAddress().isBlank()) {
            d.setAddress(a.getAddress());
        }
        d.setContractCapacityKva(a.getCapacityKva());
        d.setOperatingCapacityKva(a.getCapacityKva());
        d.setSupplyMode(a.getSupplyMode());
        d.setAnnualKwh(BigDecimal.ZERO); // a new account has used nothing yet
        d.setAnnualRevenueYuan(BigDecimal.ZERO);
        CustomerDetails created = customers.create(company, d);
        if (a.getHandler() != null) {
            assignments.reassign(company, new Reassignment(List.of(created.id()), a.getHandler().getId(), null,
                    a.getNumber() + " 新装送电"));
        }
        BigDecimal[] type = S13.stream().filter(t -> t[0].compareTo(a.getCapacityKva()) >= 0).findFirst()
                .orElse(S13.getLast());
        TransformerDraft t = new TransformerDraft();
        t.setName("1号主变 S13-" + a.getCapacityKva().stripTrailingZeros().toPlainString());
        t.setRatedKva(a.getCapacityKva());
        t.setNoLoadLossKw(type[1]);
        t.setLoadLossKw(type[2]);
        transformers.add(company, created.id(), t);
        return line("application.change.new-customer", accountNo, created.name());
    }

    private static BigDecimal[] row(String kva, String p0, String pk) {
        return new BigDecimal[] {new BigDecimal(kva), new BigDecimal(p0), new BigDecimal(pk)};
    }

    private static String line(String key, String... args) {
        return key + (args.length == 0 ? "" : "\t" + String.join("\t", args));
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }

    private static String mode(cn.keyaccount.customer.BasicChargeMode m) {
        return m == null ? "—" : "@customer.basic-charge-mode." + m.name();
    }
}
