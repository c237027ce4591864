package cn.keyaccount.energy;

import cn.keyaccount.customer.BasicChargeMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The basic charge (基本电费) of the two-part tariff in its three modes, per month (发改办价格〔2016〕1583号,
 * 发改价格〔2023〕526号):
 * <ul>
 *   <li>by capacity: S kVA × capacity price;</li>
 *   <li>by actual demand: Pmax kW × demand price;</li>
 *   <li>by contract demand Pc, never below 40 % of the transformer capacity: Pc × price while Pmax ≤ 1.05 Pc,
 *       else 1.05 Pc × price + 2 × (Pmax − 1.05 Pc) × price (the part above 105 % is billed twice).</li>
 * </ul>
 * Amounts are rounded to the fen per month.
 */
public final class BasicChargeRules {

    /** The share of the transformer capacity below which a contract demand is not accepted. */
    public static final BigDecimal CONTRACT_FLOOR = new BigDecimal("0.40");
    /** Actual demand up to this multiple of the contract demand is covered by it. */
    public static final BigDecimal CONTRACT_TOLERANCE = new BigDecimal("1.05");
    private static final BigDecimal PENALTY = BigDecimal.valueOf(2);

    private BasicChargeRules() {
    }

    /** The prices of one tariff: yuan per kVA and month, yuan per kW and month. */
    public record Prices(BigDecimal capacityYuanPerKva, BigDecimal demandYuanPerKw) {
    }

    public static BigDecimal byCapacity(BigDecimal capacityKva, Prices p) {
        return money(capacityKva.multiply(p.capacityYuanPerKva()));
    }

    public static BigDecimal byActualDemand(BigDecimal maxDemandKw, Prices p) {
        return money(maxDemandKw.multiply(p.demandYuanPerKw()));
    }

    /** The contract demand the supplier accepts for a declared value: at least 40 % of the capacity. */
    public static BigDecimal effectiveContractDemand(BigDecimal declaredKw, BigDecimal capacityKva) {
        BigDecimal floor = capacityKva.multiply(CONTRACT_FLOOR);
        return declaredKw.compareTo(floor) < 0 ? floor : declaredKw;
    }

    public static BigDecimal byContractDemand(BigDecimal declaredKw, BigDecimal maxDemandKw, BigDecimal capacityKva,
                                              Prices p) {
        BigDecimal pc = effectiveContractDemand(declaredKw, capacityKva);
        BigDecimal covered = pc.multiply(CONTRACT_TOLERANCE);
        BigDecimal price = p.demandYuanPerKw();
        if (maxDemandKw.compareTo(covered) <= 0) {
            return money(pc.multiply(price));
        }
        return money(covered.multiply(price).add(PENALTY.multiply(maxDemandKw.subtract(covered)).multiply(price)));
    }

    /** The charge of one month in one mode; the contract demand is only used by that mode. */
    public static BigDecimal charge(BasicChargeMode mode, BigDecimal capacityKva, BigDecimal maxDemandKw,
                                    BigDecimal declaredKw, Prices p) {
        return switch (mode) {
            case CAPACITY -> byCapacity(capacityKva, p);
            case ACTUAL_DEMAND -> byActualDemand(maxDemandKw, p);
            case CONTRACT_DEMAND -> byContractDemand(declaredKw, maxDemandKw, capacityKva, p);
            case NONE -> BigDecimal.ZERO.setScale(2);
        };
    }

    /**
     * What each mode would have cost over the given months (usually the last twelve), the single whole-kW contract
     * demand that would have cost least over them, and what the cheapest mode saves against the current one.
     */
    public record Comparison(Map<BasicChargeMode, BigDecimal> totals, BigDecimal bestDeclaredKw,
                             BasicChargeMode current, BigDecimal currentTotal, BasicChargeMode cheapest,
                             BigDecimal cheapestTotal, BigDecimal saving) {
    }

    /**
     * @param monthlyMaxDemandKw the maximum demand of each month
     * @param currentDeclaredKw  the contract demand declared today (used for the current mode's cost), may be null
     */
    public static Comparison compare(List<BigDecimal> monthlyMaxDemandKw, BigDecimal capacityKva, Prices p,
                                     BasicChargeMode current, BigDecimal currentDeclaredKw) {
        if (monthlyMaxDemandKw.isEmpty()) {
            throw new IllegalArgumentException("no months to compare");
        }
        BigDecimal best = bestDeclaredDemand(monthlyMaxDemandKw, capacityKva, p);
        Map<BasicChargeMode, BigDecimal> totals = new EnumMap<>(BasicChargeMode.class);
        totals.put(BasicChargeMode.CAPACITY, total(BasicChargeMode.CAPACITY, monthlyMaxDemandKw, capacityKva, best, p));
        totals.put(BasicChargeMode.ACTUAL_DEMAND,
                total(BasicChargeMode.ACTUAL_DEMAND, monthlyMaxDemandKw, capacityKva, best, p));
        totals.put(BasicChargeMode.CONTRACT_DEMAND,
                total(BasicChargeMode.CONTRACT_DEMAND, monthlyMaxDemandKw, capacityKva, best, p));
        BasicChargeMode cheapest = BasicChargeMode.CAPACITY;
        for (var e : totals.entrySet()) {
            if (e.getValue().compareTo(totals.get(cheapest)) < 0) {
                cheapest = e.getKey();
            }
        }
        BasicChargeMode cur = current == null || current == BasicChargeMode.NONE ? BasicChargeMode.CAPACITY : current;
        BigDecimal currentTotal = cur == BasicChargeMode.CONTRACT_DEMAND && currentDeclaredKw != null
                ? total(cur, monthlyMaxDemandKw, capacityKva, currentDeclaredKw, p)
                : totals.get(cur);
        BigDecimal cheapestTotal = totals.get(cheapest);
        return new Comparison(totals, best, cur, currentTotal, cheapest, cheapestTotal,
                currentTotal.subtract(cheapestTotal).max(BigDecimal.ZERO.setScale(2)));
    }

    static BigDecimal total(BasicChargeMode mode, List<BigDecimal> months, BigDecimal capacityKva,
                            BigDecimal declaredKw, Prices p) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (BigDecimal pmax : months) {
            sum = sum.add(charge(mode, capacityKva, pmax, declaredKw, p));
        }
        return sum;
    }

    /**
     * The whole-kW contract demand, held for all the months, with the least total. The total is convex and
     * piecewise linear in Pc with kinks where Pc = Pmax / 1.05, so the best whole value is next to a kink or the
     * 40 % floor; ties go to the smaller demand.
     */
    public static BigDecimal bestDeclaredDemand(List<BigDecimal> months, BigDecimal capacityKva, Prices p) {
        BigDecimal floor = capacityKva.multiply(CONTRACT_FLOOR).setScale(0, RoundingMode.CEILING);
        TreeSet<BigDecimal> candidates = new TreeSet<>();
        candidates.add(floor);
        for (BigDecimal pmax : months) {
            BigDecimal kink = pmax.divide(CONTRACT_TOLERANCE, 6, RoundingMode.HALF_UP);
            candidates.add(kink.setScale(0, RoundingMode.FLOOR).max(floor));
            candidates.add(kink.setScale(0, RoundingMode.CEILING).max(floor));
        }
        List<BigDecimal> ordered = new ArrayList<>(candidates);
        BigDecimal best = ordered.getFirst();
        BigDecimal bestTotal = total(BasicChargeMode.CONTRACT_DEMAND, months, capacityKva, best, p);
        for (BigDecimal c : ordered) {
            BigDecimal t = total(BasicChargeMode.CONTRACT_DEMAND, months, capacityKva, c, p);
            if (t.compareTo(bestTotal) < 0) {
                best = c;
                bestTotal = t;
            }
        }
        return best;
    }

    private static BigDecimal money(BigDecimal x) {
        return x.setScale(2, RoundingMode.HALF_UP);
    }
}
