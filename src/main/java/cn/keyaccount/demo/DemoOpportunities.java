package cn.keyaccount.demo;

import cn.keyaccount.opportunity.OpportunityDetails;
import cn.keyaccount.opportunity.OpportunityDraft;
import cn.keyaccount.opportunity.OpportunityService;
import cn.keyaccount.opportunity.OpportunityStage;
import cn.keyaccount.portrait.PortraitDetails;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.SegmentStrategies;
import cn.keyaccount.portrait.SegmentSummary;
import cn.keyaccount.portrait.ShapeKind;
import cn.keyaccount.portrait.StrategyDraft;
import cn.keyaccount.portrait.TagCategory;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's service strategies for its segments (written by the demo supervisor) and the demo manager's
 * opportunities from their customers' need tags, through the services, in several stages with values and next
 * steps (one due today, so that its reminder shows). Runs once the portraits are computed ({@link DemoPortraits}).
 */
@ApplicationScoped
class DemoOpportunities {

    private static final Map<ShapeKind, StrategyDraft> STRATEGIES = Map.of(
            ShapeKind.CONTINUOUS, new StrategyDraft(30, "需量电费核定方式优化\n无功补偿改造\n双电源可靠性评估",
                    "三班连续生产，停电损失大：先谈供电可靠性和检修计划的提前沟通。", 0L),
            ShapeKind.DAYTIME_PEAK, new StrategyDraft(45, "屋顶分布式光伏\n储能削峰\n峰谷分时电价方案",
                    "白天用电集中，与光伏出力吻合：带上同行业光伏案例。", 0L),
            ShapeKind.DOUBLE_PEAK, new StrategyDraft(45, "错峰生产方案\n需求响应签约", "午间低谷可调：介绍需求响应补贴。",
                    0L),
            ShapeKind.NIGHT, new StrategyDraft(60, "谷电储能\n电能替代（蓄热）", "已在利用低谷电价：巩固关系，了解扩产计划。", 0L),
            ShapeKind.EVENING_PEAK, new StrategyDraft(60, "峰谷电价方案\n节能诊断", "晚高峰负荷重：谈用能结构和照明空调节能。", 0L),
            ShapeKind.SEASONAL, new StrategyDraft(30, "季节性暂停/减容\n季节前安全检查",
                    "季节性明显：旺季前走访，淡季提醒可办理暂停减容。", 0L));

    private final DemoDatabase demo;
    private final PortraitService portraits;
    private final SegmentStrategies strategies;
    private final OpportunityService opportunities;
    private final UserService users;
    private final EntityManager em;
    private final Clock clock;

    DemoOpportunities(DemoDatabase demo, PortraitService portraits, SegmentStrategies strategies,
                      OpportunityService opportunities, UserService users, EntityManager em, Clock clock) {
        this.demo = demo;
        this.portraits = portraits;
        this.strategies = strategies;
        this.opportunities = opportunities;
        this.users = users;
        this.em = em;
        this.clock = clock;
    }

    /** Runs after the demo's portraits (DemoPortraits, APPLICATION + 800). */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 850) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (enabled) {
            demo.step(this::needed, this::generate);
        }
    }

    boolean needed() {
        Number manager = (Number) em.createNativeQuery("select count(*) from app_user where username = 'manager'")
                .getSingleResult();
        Number segments = (Number) em.createNativeQuery("select count(*) from portrait_segment").getSingleResult();
        Number made = (Number) em.createNativeQuery("select count(*) from opportunity").getSingleResult();
        return manager.intValue() > 0 && segments.intValue() > 0 && made.intValue() == 0;
    }

    void generate() {
        Viewer supervisor = users.viewer("supervisor");
        for (SegmentSummary s : portraits.segments(supervisor).segments()) {
            StrategyDraft d = STRATEGIES.get(s.kind());
            if (d != null && !strategies.ofSegment(supervisor, s.id()).defined()) {
                strategies.save(supervisor, s.id(), d);
            }
        }
        Viewer manager = users.viewer("manager");
        LocalDate today = LocalDate.now(clock);
        List<OpportunityStage> stages = List.of(OpportunityStage.FOUND, OpportunityStage.CONTACTED,
                OpportunityStage.PROPOSAL, OpportunityStage.WON);
        int made = 0;
        for (Long customer : em.createQuery("select c.id from Customer c where c.manager.username = 'manager' "
                + "order by c.id", Long.class).getResultList()) {
            for (PortraitDetails.TagDetails tag : portraits.portrait(manager, customer).tags()) {
                if (tag.category() != TagCategory.NEED || made >= stages.size()) {
                    continue;
                }
                OpportunityDetails o = opportunities.create(manager, customer, tag.code());
                OpportunityStage stage = stages.get(made % stages.size());
                if (stage != OpportunityStage.FOUND) {
                    BigDecimal value = BigDecimal.valueOf(40_000L + 17_500L * made).setScale(2);
                    LocalDate next = stage == OpportunityStage.WON ? null : today.plusDays(made == 1 ? 0 : 3L * made);
                    opportunities.update(manager, o.id(), new OpportunityDraft(stage, value,
                            next == null ? null : stage == OpportunityStage.PROPOSAL ? "提交方案并报价" : "上门沟通需求",
                            next, null, null, null, null, o.version()));
                }
                made++;
            }
        }
    }
}
