/**
 * Customer portrait (客户画像): what each customer's data says about it, kept current and grouped.
 * <p>
 * <b>Load shapes and segments.</b> {@link cn.keyaccount.portrait.TypicalShapes} makes each customer's typical working
 * day and rest day, for the year and each season, from the twelve months of 15-minute readings up to yesterday: per
 * quarter hour the <i>median</i> over the days of that kind, divided by its mean (robust to the spikes, gaps and stuck
 * meters the import flags but keeps; the reason is on the class). A customer needs four weeks of usable days
 * ({@code keyaccount.portrait.min-days}); with fewer it gets no shapes and no segment, and its portrait says so.
 * {@link cn.keyaccount.portrait.SegmentClustering} groups the customers with enough data by k-means++ (Apache Commons
 * Math) over {@link cn.keyaccount.portrait.LoadFeatures}, choosing k by the mean silhouette;
 * {@link cn.keyaccount.portrait.ShapeNamer} names each segment from its centre (三班连续型, 白天单峰型, 双峰型, 夜间型,
 * 晚峰型, 季节型; "周末减产" where rest days are low). {@link cn.keyaccount.portrait.PortraitComputation} runs it all
 * and {@code PortraitStore} replaces the stored run in one transaction: recomputing is idempotent (seeded, ordered).
 * <p>
 * <b>Start with</b> {@link cn.keyaccount.portrait.PortraitService} (portraits and segments within the viewer's scope),
 * {@link cn.keyaccount.portrait.PortraitComputation} and {@link cn.keyaccount.portrait.PortraitConfig}
 * ({@code keyaccount.portrait.*}).
 * <p>
 * <b>Depends on</b> {@code energy} (the interval store, read through its public {@code IntervalStore}), {@code
 * customer} (customers, their industry and who may see them), {@code security} and {@code base} (the working-day
 * calendar). {@code opportunity} depends on it (商机 from need tags); billing, servicerequest, visit and outage
 * contribute risk tags through {@link cn.keyaccount.portrait.TagSource} beans; the customer list filters by segment
 * and tag through {@code customer/CustomerGroups}, which {@code PortraitGroups} implements.
 */
package cn.keyaccount.portrait;
