package cn.keyaccount.application;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.energy.EnergyProfile;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What a completed application changes in the master data, through the customer and energy features' own services
 * (so each change is checked and lands in the customer's audit trail): 新装, 增容 and 减容 set the contract and
 * operating capacity to the capacity applied for; 计费方式变更 sets the basic-charge mode and, where the customer has a
 * tariff on its energy profile, the declared demand; 暂停 takes the named transformer out of service for the period
 * and 暂停恢复 ends its suspension ({@link TransformerService}), which the month-by-month basic charge reads.
 * <p>
 * The note it returns is kept on the application and translated where it is shown: one line per change, a
 * translation key and its arguments separated by tabs, an argument starting with {@code @} itself a key.
 */
@ApplicationScoped
class PowerOnChanges {

    private final CustomerService customers;
    private final EnergyService energy;
    private final TransformerService transformers;

    PowerOnChanges(CustomerService customers, EnergyService energy, TransformerService transformers) {
        this.customers = customers;
        this.energy = energy;
        this.transformers = transformers;
    }

    /** Applies the changes; returns what was changed, for the application's record. */
    String apply(Viewer viewer, Application a) {
        long customerId = a.getCustomer().getId();
        List<String> done = new ArrayList<>();
        if (a.getKind().needsCapacity() && a.getCapacityKva() != null) {
            CustomerDetails c = customers.get(viewer, customerId);
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
