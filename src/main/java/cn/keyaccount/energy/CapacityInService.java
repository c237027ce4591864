package cn.keyaccount.energy;

import cn.keyaccount.customer.TransformerHistory;
import cn.keyaccount.customer.TransformerService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The capacity a month's basic charge by capacity is billed on: the customer's operating capacity, less what its
 * transformers' suspensions (暂停) took out of service and corrected for their capacity changes (减容 / 减容恢复 /
 * 增容) on each day. Pure: no database, no clock.
 *
 * <p>The rules, and where they come from. The 2024 《供电营业规则》 (国家发展改革委令 2024 年第 14 号) could not be
 * read here to verify its article numbers; the text below is that of the 1996 rules and of 发改办价格〔2016〕1583号,
 * which the 2024 rules keep in substance, read conservatively (never in the customer's favour) where unsure:
 * <ul>
 *   <li>A suspended or reduced transformer pays no basic charge for its capacity from the day it is sealed
 *       (加封之日起，减容（暂停）部分免收基本电费: 1583号 第一条第（四）项; 1996 第二十三、二十四条).</li>
 *   <li>A suspension lasts at least 15 days; one shorter (cut short by an early restoration) is billed in full
 *       (暂停时间少于十五天者，暂停期间基本电费照收: 1996 第二十四条; 1583号: 每次应不少于十五日).</li>
 *   <li>At most six months of suspension in a calendar year; beyond them the capacity is billed again whether or
 *       not the customer asked to restore it (1996 第二十四条; 1583号: 每一日历年内累计不超过六个月). Six months are
 *       taken as {@value #YEARLY_SUSPENSION_DAYS} days, the shortest six calendar months (January to June).</li>
 *   <li>A month with a change is billed by the days (1996 第八十四条: 按实用天数，每日按全月基本电费三十分之一). This
 *       class bills each transformer the larger of the thirtieths of its kVA-days in service (never above its
 *       largest capacity of the month) and its share of the month's days, so that neither reading is undercut;
 *       a month without change is billed whole, a month wholly out of service not at all.</li>
 * </ul>
 */
public final class CapacityInService {

    /** The suspended days of a calendar year that are free of the basic charge. */
    public static final int YEARLY_SUSPENSION_DAYS = 181;
    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

    private final List<TransformerHistory> transformers;

    public CapacityInService(List<TransformerHistory> transformers) {
        this.transformers = List.copyOf(transformers);
    }

    /** No transformer history: every month is billed on the customer's capacity. */
    public static CapacityInService none() {
        return new CapacityInService(List.of());
    }

    /** The capacity billed for the month (kVA, one decimal), never below zero. */
    public BigDecimal billed(BigDecimal customerCapacityKva, YearMonth month) {
        return billedWithout(customerCapacityKva, month, Set.of());
    }

    /**
     * As {@link #billed}, with some transformers also out of service for the whole month (a proposed 暂停 or 减容).
     */
    public BigDecimal billedWithout(BigDecimal customerCapacityKva, YearMonth month, Set<Long> transformerIds) {
        BigDecimal kva = customerCapacityKva;
        for (TransformerHistory t : transformers) {
            kva = kva.add(equivalentKva(t, month, transformerIds)).subtract(t.transformer().ratedKva());
        }
        return kva.max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
    }

    /** The transformers with their histories, as given. */
    public List<TransformerHistory> transformers() {
        return transformers;
    }

    /** The same histories with one transformer's suspensions widened by a proposed one. */
    CapacityInService withSuspension(long transformerId, LocalDate from, LocalDate to) {
        return new CapacityInService(transformers.stream().map(t -> {
            if (t.transformer().id() != transformerId) {
                return t;
            }
            List<TransformerHistory.Suspension> more = new ArrayList<>(t.suspensions());
            more.add(new TransformerHistory.Suspension(-1, from, to, ""));
            more.sort(Comparator.comparing(TransformerHistory.Suspension::from));
            return new TransformerHistory(t.transformer(), more, t.capacityChanges());
        }).toList());
    }

    /** Whether any transformer's history changes what some month is billed on. */
    public boolean isEmpty() {
        return transformers.stream().allMatch(t -> t.suspensions().isEmpty() && t.capacityChanges().isEmpty());
    }

    /** The capacity one transformer is billed for in the month, from its days in service. */
    static BigDecimal equivalentKva(TransformerHistory t, YearMonth month, Set<Long> outAllMonth) {
        if (outAllMonth.contains(t.transformer().id())) {
            return BigDecimal.ZERO;
        }
        Set<LocalDate> free = freeDays(t, month);
        int days = month.lengthOfMonth();
        BigDecimal kvaDays = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        boolean changed = false;
        BigDecimal first = t.capacityOn(month.atDay(1));
        for (int d = 1; d <= days; d++) {
            LocalDate day = month.atDay(d);
            BigDecimal kva = t.capacityOn(day);
            largest = largest.max(kva);
            boolean out = free.contains(day);
            changed |= out || kva.compareTo(first) != 0;
            if (!out) {
                kvaDays = kvaDays.add(kva);
            }
        }
        if (!changed) {
            return first;
        }
        BigDecimal thirtieths = kvaDays.divide(THIRTY, 6, RoundingMode.HALF_UP).min(largest);
        BigDecimal share = kvaDays.divide(BigDecimal.valueOf(days), 6, RoundingMode.HALF_UP);
        return thirtieths.max(share);
    }

    /**
     * The days of the month on which the transformer is out of service free of charge: in a suspension of at least
     * 15 days, and within the first {@value #YEARLY_SUSPENSION_DAYS} suspended days of its calendar year.
     */
    static Set<LocalDate> freeDays(TransformerHistory t, YearMonth month) {
        Set<LocalDate> free = new HashSet<>();
        int year = month.getYear();
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate monthEnd = month.atEndOfMonth();
        int used = 0;
        for (TransformerHistory.Suspension s : t.suspensions()) {
            LocalDate end = s.to() == null ? monthEnd : s.to();
            if (s.to() != null && ChronoUnit.DAYS.between(s.from(), s.to()) + 1
                    < TransformerService.MIN_SUSPENSION_DAYS) {
                continue;
            }
            LocalDate a = s.from().isBefore(yearStart) ? yearStart : s.from();
            LocalDate b = end.isAfter(monthEnd) ? monthEnd : end;
            for (LocalDate day = a; !day.isAfter(b) && used < YEARLY_SUSPENSION_DAYS; day = day.plusDays(1)) {
                used++;
                if (YearMonth.from(day).equals(month)) {
                    free.add(day);
                }
            }
        }
        return free;
    }
}
