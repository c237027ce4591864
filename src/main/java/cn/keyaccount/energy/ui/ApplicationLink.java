package cn.keyaccount.energy.ui;

import cn.keyaccount.energy.ApplicationProposal;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where "start an application" goes: the application form's route, pre-filled by query parameters from a
 * recommendation — {@code customer} (id), {@code kind} (billing-change, capacity-reduction, suspension), {@code mode}
 * (the basic-charge mode's name), {@code demandKw}, {@code capacityKva}, {@code transformer} (id), and for a
 * suspension its {@code from} and {@code to} (yyyy-MM-dd). A parameter without a value is left out.
 */
final class ApplicationLink {

    /** The application pipeline's form (the application package owns it). */
    static final String ROUTE = "applications/new";

    private ApplicationLink() {
    }

    static QueryParameters parameters(long customerId, ApplicationProposal p) {
        return new QueryParameters(values(customerId, p));
    }

    /** The route with its query string, in the order above, as the browser's address bar shows it. */
    static String url(long customerId, ApplicationProposal p) {
        return ROUTE + "?" + values(customerId, p).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().getFirst(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, List<String>> values(long customerId, ApplicationProposal p) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("customer", List.of(Long.toString(customerId)));
        q.put("kind", List.of(p.kind().routeName()));
        put(q, "mode", p.mode() == null ? null : p.mode().name());
        put(q, "demandKw", plain(p.demandKw()));
        put(q, "capacityKva", plain(p.capacityKva()));
        put(q, "transformer", p.transformerId() == null ? null : p.transformerId().toString());
        put(q, "from", p.from() == null ? null : p.from().toString());
        put(q, "to", p.to() == null ? null : p.to().toString());
        return q;
    }

    private static void put(Map<String, List<String>> q, String name, String value) {
        if (value != null) {
            q.put(name, List.of(value));
        }
    }

    private static String plain(BigDecimal x) {
        return x == null ? null : x.stripTrailingZeros().toPlainString();
    }
}
