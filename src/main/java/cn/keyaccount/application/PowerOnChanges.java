package cn.keyaccount.application;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerService;
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
 * tariff on its energy profile, the declared demand. 暂停 and 减容 periods (transformer out of service from–to) are
 * kept on the application; the month-by-month basic charge reads them through the energy feature (wired at merge).
 */
@ApplicationScoped
class PowerOnChanges {

    private final CustomerService customers;
    private final EnergyService energy;

    PowerOnChanges(CustomerService customers, EnergyService energy) {
        this.customers = customers;
        this.energy = energy;
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
            done.add("capacity " + c.contractCapacityKva().stripTrailingZeros().toPlainString() + " → "
                    + a.getCapacityKva().stripTrailingZeros().toPlainString() + " kVA");
        }
        if (a.getKind() == ApplicationKind.BILLING_CHANGE && a.getBasicChargeMode() != null) {
            EnergyProfile p = energy.profile(viewer, customerId);
            if (p.province() != null && p.voltageClass() != null) {
                energy.updateProfile(viewer, customerId, new EnergyProfile(customerId, p.province(),
                        p.voltageClass(), a.getBasicChargeMode(), a.getDemandKw() != null ? a.getDemandKw()
                        : p.declaredKw(), p.capacityKva(), p.powerFactorStandard(), p.customerVersion(),
                        p.profileVersion()));
                done.add("basic charge " + p.basicChargeMode() + " → " + a.getBasicChargeMode()
                        + (a.getDemandKw() == null ? "" : ", declared " + a.getDemandKw().toPlainString() + " kW"));
            } else {
                CustomerDetails c = customers.get(viewer, customerId);
                CustomerDraft d = c.toDraft();
                d.setBasicChargeMode(a.getBasicChargeMode());
                customers.update(viewer, customerId, d);
                done.add("basic charge " + c.basicChargeMode() + " → " + a.getBasicChargeMode());
            }
        }
        if (a.getKind().hasPeriod() && a.getPeriodFrom() != null) {
            done.add("period " + a.getPeriodFrom() + " – " + (a.getPeriodTo() == null ? "" : a.getPeriodTo()));
        }
        return String.join("; ", done);
    }
}
