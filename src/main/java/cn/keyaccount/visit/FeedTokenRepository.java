package cn.keyaccount.visit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class FeedTokenRepository implements PanacheRepository<FeedToken> {
}
