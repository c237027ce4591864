package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.servicerequest.ServiceArea;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which crew a key customer's repair goes to, at once (docs/service-requests.md, "Repair green channel"): the active
 * crews of the customer's own unit; when it has none, those of the nearest unit above that has any. Among them a crew
 * covering the request's area (城区/农村/特殊边远) before the others, then the one with the fewest repairs still open,
 * then the oldest crew. None anywhere: the repair waits for a supervisor.
 */
final class CrewDispatch {

    /** A crew as the rule sees it. */
    record Candidate(long id, String unitPath, ServiceArea area, long openRepairs) {
    }

    private CrewDispatch() {
    }

    static Optional<Candidate> choose(List<Candidate> active, String customerUnitPath, ServiceArea area) {
        int nearest = active.stream().filter(c -> customerUnitPath.startsWith(c.unitPath()))
                .mapToInt(c -> c.unitPath().length()).max().orElse(-1);
        return active.stream().filter(c -> c.unitPath().length() == nearest && customerUnitPath.startsWith(c.unitPath()))
                .min(Comparator.comparing((Candidate c) -> c.area() != area)
                        .thenComparingLong(Candidate::openRepairs).thenComparingLong(Candidate::id));
    }
}
