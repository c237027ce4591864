package cn.keyaccount.network;

import cn.keyaccount.base.BusinessException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** The supply network the customers hang off: substations and their lines. */
@ApplicationScoped
public class NetworkService {

    private final SupplyLineRepository lines;
    private final SubstationRepository substations;

    NetworkService(SupplyLineRepository lines, SubstationRepository substations) {
        this.lines = lines;
        this.substations = substations;
    }

    public List<LineDetails> searchLines(String text, int limit) {
        String q = text == null ? "" : text.trim().toLowerCase();
        return lines.find("lower(code) like ?1 or lower(name) like ?1 or lower(substation.name) like ?1",
                        Sort.by("code"), "%" + q + "%")
                .page(Page.ofSize(limit)).list().stream().map(LineDetails::of).toList();
    }

    public LineDetails line(long id) {
        SupplyLine line = lines.findById(id);
        if (line == null) {
            throw BusinessException.notFound("error.line-not-found", id);
        }
        return LineDetails.of(line);
    }

    /** The lines with these ids, for a customer's supply; unknown ids are refused. */
    public List<SupplyLine> linesForSupply(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SupplyLine> found = lines.list("id in ?1", ids);
        if (found.size() != ids.stream().distinct().count()) {
            throw BusinessException.invalid("error.line-not-found", ids);
        }
        return found;
    }

    /** The codes of these lines by id (an unknown id is left out), for lists that show an outage's lines. */
    public java.util.Map<Long, String> lineCodes(Collection<Long> ids) {
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            lines.list("id in ?1", ids).forEach(l -> codes.put(l.getId(), l.getCode()));
        }
        return codes;
    }

    /** Every line out of these substations (an outage of a whole substation cuts them all). */
    public List<Long> lineIdsOfSubstations(Collection<Long> substationIds) {
        if (substationIds.isEmpty()) {
            return List.of();
        }
        return lines.find("substation.id in ?1", Sort.by("id"), substationIds).stream().map(SupplyLine::getId)
                .toList();
    }

    /** A substation's id by its name, for imports; null when there is none. */
    public Long substationIdByName(String name) {
        return substations.find("name", name).firstResultOptional().map(Substation::getId).orElse(null);
    }

    /** Substation names by id, all of them (a county has tens). */
    public java.util.Map<Long, String> substationNames() {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        substations.listAll(Sort.by("name")).forEach(s -> names.put(s.getId(), s.getName()));
        return names;
    }

    public SupplyLine byCode(String code) {
        return lines.find("code", code).firstResult();
    }
}
