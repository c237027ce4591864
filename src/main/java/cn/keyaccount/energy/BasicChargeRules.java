package cn.keyaccount.energy;

import cn.keyaccount.customer.BasicChargeMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
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
     * One month as the comparison needs it: its maximum demand, the prices in force, how many of its days the
     * period covers (a part month pays that share of the month's charge, as the months' table bills it), and the
     * capacity in service billed by capacity that month ({@link CapacityInService}; null: the customer's capacity).
     */
    public record Month(YearMonth month, BigDecimal maxDemandKw, int daysCovered, int daysInMonth, Prices prices,
                        BigDecimal capacityInServiceKva) {

        /** A month billed by capacity on the customer's whole capacity. */
        public Month(YearMonth month, BigDecimal maxDemandKw, int daysCovered, int daysInMonth, Prices prices) {
            this(month, maxDemandKw, daysCovered, daysInMonth, prices, null);
        }

        /** A whole month. */
        public static Month whole(YearMonth month, BigDecimal maxDemandKw, Prices prices) {
            return new Month(month, maxDemandKw, month.lengthOfMonth(), month.lengthOfMonth(), prices);
        }

        /** The capacity billed by capacity: the one in service this month, else the customer's. */
        public BigDecimal billedCapacityKva(BigDecimal capacityKva) {
            return capacityInServiceKva == null ? capacityKva : capacityInServiceKva;
        }

        /**
         * The month's charge in one mode, the part month's share when the period covers only part of it. By capacity
         * the capacity in service counts, and so it does for the 40 % floor of a contract demand: a transformer
         * suspended (暂停) or reduced (减容) that month is not part of the capacity the floor is taken of (the
         * floor of 发改办价格〔2016〕1583号 is 40 % of the capacity billed; a suspended transformer is not billed).
         */
        public BigDecimal charge(BasicChargeMode mode, BigDecimal capacityKva, BigDecimal declaredKw) {
            BigDecimal full = BasicChargeRules.charge(mode, billedCapacityKva(capacityKva), maxDemandKw, declaredKw,
                    prices);
            return daysCovered >= daysInMonth ? full : full.multiply(BigDecimal.valueOf(daysCovered))
                    .divide(BigDecimal.valueOf(daysInMonth), 2, RoundingMode.HALF_UP);
        }
    }

    /**
     * One way of billing the compared months: a mode with its own inputs, what it costs each month and in all, and
     * what it saves against the current way ({@code current.total − total}; negative when it costs more).
     *
     * @param capacityKva the capacity billed (by capacity), else null
     * @param declaredKw  the declared demand (by contract demand; null when none is declared), else null
     * @param contractKw  the contract demand billed: the declared one raised to 40 % of the capacity if below it
     *                    (by contract demand), else null
     * @param current     whether this is the customer's mode at today's values
     * @param capacityVaries by capacity: whether some month is billed on another capacity than {@code capacityKva}
     *                    (transformers suspended or their capacity changed), else false
     */
    public record Option(BasicChargeMode mode, BigDecimal capacityKva, BigDecimal declaredKw, BigDecimal contractKw,
                         boolean current, List<BigDecimal> monthly, BigDecimal total, BigDecimal savingAgainstCurrent,
                         boolean capacityVaries) {

        /** The way's name as a message key: the mode in words, by contract demand with the demand billed. */
        public String nameKey() {
            return mode == BasicChargeMode.CONTRACT_DEMAND ? "energy.basic.option.contract"
                    : "customer.basic-charge-mode." + mode.name();
        }

        public List<Object> nameArgs() {
            return mode == BasicChargeMode.CONTRACT_DEMAND ? List.of(contractKw) : List.of();
        }

        /** What the way is computed from, as a message key: the capacity, each month's demand, a declared demand. */
        public String inputsKey() {
            return switch (mode) {
                case CAPACITY -> capacityVaries ? "energy.basic.input.capacity-in-service"
                        : "energy.basic.input.capacity";
                case ACTUAL_DEMAND -> "energy.basic.input.actual-demand";
                case CONTRACT_DEMAND -> declaredKw == null ? "energy.basic.input.undeclared"
                        : declaredKw.compareTo(contractKw) < 0 ? "energy.basic.input.declared-floor"
                        : current ? "energy.basic.input.declared" : "energy.basic.input.best-declared";
                case NONE -> "energy.basic.input.none";
            };
        }

        public List<Object> inputsArgs() {
            return switch (mode) {
                case CAPACITY -> List.of(capacityKva);
                case CONTRACT_DEMAND -> declaredKw == null ? List.of(contractKw)
                        : declaredKw.compareTo(contractKw) < 0 ? List.of(declaredKw, contractKw) : List.of(declaredKw);
                default -> List.of();
            };
        }
    }

    /**
     * The basic charge of the compared months (usually the last twelve) billed the current way, at today's values,
     * and each other way with its own inputs: the other two modes and, by contract demand, the single whole-kW
     * declared demand that would have cost least. The current way comes first; {@code saving} is
     * {@code current.total − cheapest.total}, zero when the current way is the cheapest.
     */
    public record Comparison(List<Month> months, List<Option> options, Option current, Option cheapest,
                             BigDecimal saving) {
    }

    /**
     * @param current           the mode the customer is billed by today (NONE or null: by capacity)
     * @param currentDeclaredKw the contract demand declared today (used for the current way), may be null
     */
    public static Comparison compare(List<Month> months, BigDecimal capacityKva, BasicChargeMode current,
                                     BigDecimal currentDeclaredKw) {
        if (months.isEmpty()) {
            throw new IllegalArgumentException("no months to compare");
        }
        BasicChargeMode cur = current == null || current == BasicChargeMode.NONE ? BasicChargeMode.CAPACITY : current;
        BigDecimal declaredToday = cur == BasicChargeMode.CONTRACT_DEMAND ? currentDeclaredKw : null;
        Option now = option(cur, months, capacityKva, declaredToday, true, null);
        List<Option> options = new ArrayList<>();
        options.add(now);
        for (BasicChargeMode m : List.of(BasicChargeMode.CAPACITY, BasicChargeMode.ACTUAL_DEMAND)) {
            if (m != cur) {
                options.add(option(m, months, capacityKva, null, false, now.total()));
            }
        }
        BigDecimal best = bestDeclaredDemand(months, capacityKva);
        if (cur != BasicChargeMode.CONTRACT_DEMAND || declaredToday == null || best.compareTo(declaredToday) != 0) {
            options.add(option(BasicChargeMode.CONTRACT_DEMAND, months, capacityKva, best, false, now.total()));
        }
        Option cheapest = now;
        for (Option o : options) {
            if (o.total().compareTo(cheapest.total()) < 0) {
                cheapest = o;
            }
        }
        return new Comparison(List.copyOf(months), List.copyOf(options), now, cheapest,
                now.total().subtract(cheapest.total()));
    }

    private static Option option(BasicChargeMode mode, List<Month> months, BigDecimal capacityKva,
                                 BigDecimal declaredKw, boolean current, BigDecimal currentTotal) {
        List<BigDecimal> monthly = months.stream()
                .map(m -> m.charge(mode, capacityKva, declaredKw == null ? BigDecimal.ZERO : declaredKw)).toList();
        BigDecimal total = monthly.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        boolean contract = mode == BasicChargeMode.CONTRACT_DEMAND;
        return new Option(mode, mode == BasicChargeMode.CAPACITY ? capacityKva : null, contract ? declaredKw : null,
                contract ? effectiveContractDemand(declaredKw == null ? BigDecimal.ZERO : declaredKw, capacityKva)
                        : null, current, monthly, total,
                currentTotal == null ? BigDecimal.ZERO.setScale(2) : currentTotal.subtract(total),
                mode == BasicChargeMode.CAPACITY && months.stream()
                        .anyMatch(m -> m.billedCapacityKva(capacityKva).compareTo(capacityKva) != 0));
    }

    static BigDecimal total(List<Month> months, BigDecimal capacityKva, BigDecimal declaredKw) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (Month m : months) {
            sum = sum.add(m.charge(BasicChargeMode.CONTRACT_DEMAND, capacityKva, declaredKw));
        }
        return sum;
    }

    /**
     * The whole-kW contract demand, held for all the months, with the least total. The total is convex and
     * piecewise linear in Pc with kinks where Pc = Pmax / 1.05 (each month weighted by its price and the share of
     * it covered), so the best whole value is next to a kink or the 40 % floor; ties go to the smaller demand.
     */
    public static BigDecimal bestDeclaredDemand(List<Month> months, BigDecimal capacityKva) {
        BigDecimal lowest = months.stream().map(m -> m.billedCapacityKva(capacityKva)).min(BigDecimal::compareTo)
                .orElse(capacityKva);
        BigDecimal floor = lowest.multiply(CONTRACT_FLOOR).setScale(0, RoundingMode.CEILING);
        TreeSet<BigDecimal> candidates = new TreeSet<>();
        candidates.add(floor);
        for (Month m : months) {
            BigDecimal kink = m.maxDemandKw().divide(CONTRACT_TOLERANCE, 6, RoundingMode.HALF_UP);
            candidates.add(kink.setScale(0, RoundingMode.FLOOR).max(floor));
            candidates.add(kink.setScale(0, RoundingMode.CEILING).max(floor));
        }
        List<BigDecimal> ordered = new ArrayList<>(candidates);
        BigDecimal best = ordered.getFirst();
        BigDecimal bestTotal = total(months, capacityKva, best);
        for (BigDecimal c : ordered) {
            BigDecimal t = total(months, capacityKva, c);
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
