package cn.keyaccount.energy;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Time-of-use tariffs: read by everyone who analyses, changed by administrators only. */
@ApplicationScoped
public class TariffService {

    private final TariffRepository tariffs;

    TariffService(TariffRepository tariffs) {
        this.tariffs = tariffs;
    }

    public List<TariffDetails> list() {
        return tariffs.listAll(Sort.by("province").and("voltageClass").and("validFrom")).stream()
                .map(TariffService::view).toList();
    }

    public TariffDetails get(long id) {
        return view(find(id));
    }

    /** Changes the prices of a version (the structure stays as seeded); administrators only. */
    @Transactional
    public TariffDetails updatePrices(Viewer viewer, long id, TariffDetails prices) {
        if (!viewer.isAdmin()) {
            throw BusinessException.forbidden("energy.error.tariff-admin-only");
        }
        Tariff t = find(id);
        if (prices.version() == null || prices.version() != t.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        requirePositive(prices.peak(), "peak");
        requirePositive(prices.flat(), "flat");
        requirePositive(prices.valley(), "valley");
        requirePositive(prices.capacityPrice(), "capacityPrice");
        requirePositive(prices.demandPrice(), "demandPrice");
        t.criticalPeak = prices.criticalPeak();
        t.peak = prices.peak();
        t.flat = prices.flat();
        t.valley = prices.valley();
        t.deepValley = prices.deepValley();
        t.capacityPrice = prices.capacityPrice();
        t.demandPrice = prices.demandPrice();
        tariffs.flush();
        return view(t);
    }

    /**
     * Adds a tariff version (administrators only): the structure and prices in force from {@code validFrom} for a
     * province and voltage class. Checked: required texts, positive prices in the order critical peak ≥ peak > flat >
     * valley ≥ deep valley, peak at least 3 × valley (发改价格〔2021〕1093号), every month in exactly one season,
     * bands "HH:mm-HH:mm PERIOD" on quarter hours (periods by name or 尖峰/峰/平/谷/深谷; an end at or before the
     * start crosses midnight). The version in force before it ends where it starts; a later version ends it.
     */
    @Transactional
    public TariffDetails create(Viewer viewer, TariffDetails draft) {
        if (!viewer.isAdmin()) {
            throw BusinessException.forbidden("energy.error.tariff-admin-only");
        }
        List<BusinessException.FieldError> errors = new ArrayList<>();
        requireText(draft.province(), "province", errors);
        requireText(draft.voltageClass(), "voltageClass", errors);
        requireText(draft.name(), "name", errors);
        requireText(draft.source(), "source", errors);
        if (draft.validFrom() == null) {
            errors.add(new BusinessException.FieldError("validFrom", "error.required"));
        } else if (draft.validTo() != null && !draft.validTo().isAfter(draft.validFrom())) {
            errors.add(new BusinessException.FieldError("validTo", "energy.error.valid-to"));
        } else if (draft.province() != null && tariffs.count("province = ?1 and voltageClass = ?2 and validFrom = ?3",
                draft.province().trim(), draft.voltageClass() == null ? "" : draft.voltageClass().trim(),
                draft.validFrom()) > 0) {
            errors.add(new BusinessException.FieldError("validFrom", "energy.error.tariff-exists"));
        }
        prices(draft, errors);
        List<TariffDetails.SeasonDetails> seasons = seasons(draft.seasons(), errors);
        if (!errors.isEmpty()) {
            throw BusinessException.invalidFields(errors);
        }
        Tariff t = new Tariff();
        t.province = draft.province().trim();
        t.voltageClass = draft.voltageClass().trim();
        t.validFrom = draft.validFrom();
        t.validTo = draft.validTo();
        t.name = draft.name().trim();
        t.source = draft.source().trim();
        t.criticalPeak = draft.criticalPeak();
        t.peak = draft.peak();
        t.flat = draft.flat();
        t.valley = draft.valley();
        t.deepValley = draft.deepValley();
        t.capacityPrice = draft.capacityPrice();
        t.demandPrice = draft.demandPrice();
        for (TariffDetails.SeasonDetails sv : seasons) {
            TariffSeason s = new TariffSeason();
            s.tariff = t;
            s.name = sv.name();
            s.months = sv.months();
            s.bands = sv.bands();
            t.seasons.add(s);
        }
        List<Tariff> siblings = tariffs.list("province = ?1 and voltageClass = ?2", Sort.by("validFrom"),
                t.province, t.voltageClass);
        for (Tariff other : siblings) {
            if (other.validFrom.isBefore(t.validFrom)
                    && (other.validTo == null || other.validTo.isAfter(t.validFrom))) {
                other.validTo = t.validFrom;
            } else if (other.validFrom.isAfter(t.validFrom)
                    && (t.validTo == null || t.validTo.isAfter(other.validFrom))) {
                t.validTo = other.validFrom;
            }
        }
        tariffs.persist(t);
        tariffs.flush();
        return view(t);
    }

    /** Versions of a province and voltage class (either may be null: all) in force on some day of from..to. */
    public List<TariffDetails> search(String province, String voltageClass, LocalDate from, LocalDate to) {
        return list().stream()
                .filter(t -> province == null || t.province().equals(province))
                .filter(t -> voltageClass == null || t.voltageClass().equals(voltageClass))
                .filter(t -> to == null || !t.validFrom().isAfter(to))
                .filter(t -> from == null || t.validTo() == null || t.validTo().isAfter(from))
                .toList();
    }

    private static void requireText(String text, String field, List<BusinessException.FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new BusinessException.FieldError(field, "error.required"));
        }
    }

    /** Yuan per kWh (numeric(8,5)): real prices are below 2; 100 leaves room and stays inside the column. */
    static final String MAX_ENERGY_PRICE = "100";
    /** Yuan per kVA or kW and month (numeric(8,2)): real prices are below 50. */
    static final String MAX_CHARGE_PRICE = "10000";

    private static void prices(TariffDetails d, List<BusinessException.FieldError> errors) {
        int before = errors.size();
        for (Object[] f : new Object[][] {{d.peak(), "peak"}, {d.flat(), "flat"}, {d.valley(), "valley"},
                {d.capacityPrice(), "capacityPrice"}, {d.demandPrice(), "demandPrice"}}) {
            BigDecimal x = (BigDecimal) f[0];
            if (x == null || x.signum() <= 0) {
                errors.add(new BusinessException.FieldError((String) f[1], "error.positive"));
            }
        }
        if (d.criticalPeak() != null && d.criticalPeak().signum() <= 0) {
            errors.add(new BusinessException.FieldError("criticalPeak", "error.positive"));
        }
        if (d.deepValley() != null && d.deepValley().signum() <= 0) {
            errors.add(new BusinessException.FieldError("deepValley", "error.positive"));
        }
        for (Object[] f : new Object[][] {{d.criticalPeak(), "criticalPeak", MAX_ENERGY_PRICE},
                {d.peak(), "peak", MAX_ENERGY_PRICE}, {d.flat(), "flat", MAX_ENERGY_PRICE},
                {d.valley(), "valley", MAX_ENERGY_PRICE}, {d.deepValley(), "deepValley", MAX_ENERGY_PRICE},
                {d.capacityPrice(), "capacityPrice", MAX_CHARGE_PRICE},
                {d.demandPrice(), "demandPrice", MAX_CHARGE_PRICE}}) {
            BigDecimal x = (BigDecimal) f[0];
            if (x != null && x.compareTo(new BigDecimal((String) f[2])) > 0) {
                errors.add(new BusinessException.FieldError((String) f[1], "error.out-of-range", "0",
                        f[2]));
            }
        }
        if (errors.size() > before) {
            return;
        }
        if (d.peak().compareTo(d.flat()) <= 0 || d.flat().compareTo(d.valley()) <= 0
                || (d.criticalPeak() != null && d.criticalPeak().compareTo(d.peak()) < 0)
                || (d.deepValley() != null && d.deepValley().compareTo(d.valley()) > 0)) {
            errors.add(new BusinessException.FieldError("peak", "energy.error.price-order"));
        } else if (d.peak().compareTo(d.valley().multiply(BigDecimal.valueOf(3))) < 0) {
            errors.add(new BusinessException.FieldError("peak", "energy.error.peak-valley-ratio"));
        }
    }

    /** The seasons with their bands written in the stored form, or errors naming what is wrong. */
    static List<TariffDetails.SeasonDetails> seasons(List<TariffDetails.SeasonDetails> seasons,
                                               List<BusinessException.FieldError> errors) {
        List<TariffDetails.SeasonDetails> out = new ArrayList<>();
        Map<Month, Integer> seen = new EnumMap<>(Month.class);
        if (seasons == null || seasons.isEmpty()) {
            errors.add(new BusinessException.FieldError("seasons", "energy.error.months-cover", "1-12"));
            return out;
        }
        for (TariffDetails.SeasonDetails s : seasons) {
            if (s.name() == null || s.name().isBlank()) {
                errors.add(new BusinessException.FieldError("seasons", "energy.error.season-name"));
                continue;
            }
            try {
                for (Month m : months(s.months() == null ? "" : s.months())) {
                    seen.merge(m, 1, Integer::sum);
                }
            } catch (RuntimeException e) {
                errors.add(new BusinessException.FieldError("seasons", "energy.error.months", s.name(), s.months()));
                continue;
            }
            StringBuilder bands = new StringBuilder();
            for (String part : (s.bands() == null ? "" : s.bands()).split("[;；\n]")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                String normal = band(p);
                if (normal == null) {
                    errors.add(new BusinessException.FieldError("seasons", "energy.error.band", s.name(), p));
                } else {
                    bands.append(bands.isEmpty() ? "" : "; ").append(normal);
                }
            }
            out.add(new TariffDetails.SeasonDetails(s.name().trim(), s.months().replace(" ", ""), bands.toString()));
        }
        List<String> wrong = new ArrayList<>();
        for (Month m : Month.values()) {
            if (seen.getOrDefault(m, 0) != 1) {
                wrong.add(String.valueOf(m.getValue()));
            }
        }
        if (!wrong.isEmpty()) {
            errors.add(new BusinessException.FieldError("seasons", "energy.error.months-cover",
                    String.join(",", wrong)));
        }
        return out;
    }

    private static final Map<String, TouPeriod> PERIOD_WORDS = Map.of("尖峰", TouPeriod.CRITICAL_PEAK,
            "峰", TouPeriod.PEAK, "平", TouPeriod.FLAT, "谷", TouPeriod.VALLEY, "深谷", TouPeriod.DEEP_VALLEY);

    /**
     * "23:00-07:00 谷" (or "valley", "critical-peak" as the English form writes them) → "23:00-07:00 VALLEY";
     * null when it is not a band on quarter hours.
     */
    static String band(String text) {
        String[] words = text.split("\s+");
        if (words.length != 2) {
            return null;
        }
        String[] times = words[0].split("[-–~]");
        if (times.length != 2) {
            return null;
        }
        TouPeriod period = PERIOD_WORDS.get(words[1]);
        try {
            period = period != null ? period
                    : TouPeriod.valueOf(words[1].toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            LocalTime a = LocalTime.parse(times[0]);
            LocalTime b = time(times[1]);
            if (a.getMinute() % 15 != 0 || b.getMinute() % 15 != 0 || a.getSecond() != 0 || b.getSecond() != 0) {
                return null;
            }
            return times[0] + "-" + times[1] + " " + period.name();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void requirePositive(BigDecimal x, String field) {
        if (x == null || x.signum() <= 0) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError(field, "error.positive")));
        }
    }

    /** The versions of a province and voltage class, as the analysis uses them: the one in force on each day. */
    public Function<LocalDate, TouTariff> resolver(String province, String voltageClass) {
        List<TouTariff> versions = tariffs.list("province = ?1 and voltageClass = ?2", Sort.by("validFrom"),
                province, voltageClass).stream().map(TariffService::domain).toList();
        if (versions.isEmpty()) {
            throw BusinessException.notFound("energy.error.no-tariff", province, voltageClass);
        }
        return day -> versions.stream().filter(v -> v.validOn(day)).reduce((a, b) -> b)
                .orElse(day.isBefore(versions.getFirst().validFrom()) ? versions.getFirst() : versions.getLast());
    }

    public List<String> provinces() {
        return tariffs.getEntityManager().createQuery("select distinct t.province from Tariff t order by 1",
                String.class).getResultList();
    }

    public List<String> voltageClasses() {
        return tariffs.getEntityManager().createQuery("select distinct t.voltageClass from Tariff t order by 1",
                String.class).getResultList();
    }

    public boolean hasTariff(String province, String voltageClass) {
        return tariffs.count("province = ?1 and voltageClass = ?2", province, voltageClass) > 0;
    }

    private Tariff find(long id) {
        Tariff t = tariffs.findById(id);
        if (t == null) {
            throw BusinessException.notFound("energy.error.tariff-not-found", id);
        }
        return t;
    }

    static TariffDetails view(Tariff t) {
        return new TariffDetails(t.getId(), t.getVersion(), t.province, t.voltageClass, t.validFrom, t.validTo, t.name,
                t.source, t.criticalPeak, t.peak, t.flat, t.valley, t.deepValley, t.capacityPrice, t.demandPrice,
                t.seasons.stream().map(s -> new TariffDetails.SeasonDetails(s.name, s.months, s.bands)).toList());
    }

    static TouTariff domain(Tariff t) {
        Map<TouPeriod, BigDecimal> prices = new EnumMap<>(TouPeriod.class);
        prices.put(TouPeriod.PEAK, t.peak);
        prices.put(TouPeriod.FLAT, t.flat);
        prices.put(TouPeriod.VALLEY, t.valley);
        if (t.criticalPeak != null) {
            prices.put(TouPeriod.CRITICAL_PEAK, t.criticalPeak);
        }
        if (t.deepValley != null) {
            prices.put(TouPeriod.DEEP_VALLEY, t.deepValley);
        }
        List<TouTariff.Season> seasons = t.seasons.stream()
                .map(s -> new TouTariff.Season(s.name, months(s.months), bands(s.bands))).toList();
        return new TouTariff(t.getId(), t.province, t.voltageClass, t.validFrom, t.validTo, t.name, t.source, seasons,
                prices, new BasicChargeRules.Prices(t.capacityPrice, t.demandPrice));
    }

    static Set<Month> months(String text) {
        Set<Month> out = EnumSet.noneOf(Month.class);
        for (String m : text.split(",")) {
            out.add(Month.of(Integer.parseInt(m.trim())));
        }
        return out;
    }

    /** "23:00-07:00 VALLEY; 10:00-13:00 PEAK" → bands in order. */
    static List<TouTariff.Band> bands(String text) {
        List<TouTariff.Band> out = new ArrayList<>();
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] words = p.split("\\s+");
            String[] times = words[0].split("-");
            out.add(new TouTariff.Band(LocalTime.parse(times[0]), time(times[1]), TouPeriod.valueOf(words[1])));
        }
        return out;
    }

    private static LocalTime time(String t) {
        return "24:00".equals(t) ? LocalTime.MIDNIGHT : LocalTime.parse(t);
    }
}
