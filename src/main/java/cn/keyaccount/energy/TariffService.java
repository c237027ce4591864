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

    public List<TariffView> list() {
        return tariffs.listAll(Sort.by("province").and("voltageClass").and("validFrom")).stream()
                .map(TariffService::view).toList();
    }

    public TariffView get(long id) {
        return view(find(id));
    }

    /** Changes the prices of a version (the structure stays as seeded); administrators only. */
    @Transactional
    public TariffView updatePrices(Viewer viewer, long id, TariffView prices) {
        if (!viewer.isAdmin()) {
            throw BusinessException.forbidden("energy.error.tariff-admin-only");
        }
        Tariff t = find(id);
        if (prices.version() != t.getVersion()) {
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

    private Tariff find(long id) {
        Tariff t = tariffs.findById(id);
        if (t == null) {
            throw BusinessException.notFound("energy.error.tariff-not-found", id);
        }
        return t;
    }

    static TariffView view(Tariff t) {
        return new TariffView(t.getId(), t.getVersion(), t.province, t.voltageClass, t.validFrom, t.validTo, t.name,
                t.source, t.criticalPeak, t.peak, t.flat, t.valley, t.deepValley, t.capacityPrice, t.demandPrice,
                t.seasons.stream().map(s -> new TariffView.SeasonView(s.name, s.months, s.bands)).toList());
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
