package cn.keyaccount.portrait;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class SegmentStrategyRepository implements PanacheRepository<SegmentStrategy> {

    SegmentStrategy forSegment(ShapeKind kind, int ordinal, boolean weekendReduced) {
        return find("kind = ?1 and ordinal = ?2 and weekendReduced = ?3", kind, ordinal, weekendReduced)
                .firstResult();
    }
}
