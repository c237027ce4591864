package cn.keyaccount.portrait;

import cn.keyaccount.base.Messages;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a customer's manager, in their staff inbox, that one of the customer's tags appeared or disappeared with a
 * run: once per customer, tag, direction and month (the notice engine's dedupe key), so a recompute in the same month
 * or a job run twice sends nothing more.
 */
@ApplicationScoped
class TagChangeNotices {

    private final NoticeService notices;

    TagChangeNotices(NoticeService notices) {
        this.notices = notices;
    }

    /** @param managers the primary manager of each customer that has one */
    int send(List<PortraitStore.TagChange> changes, Map<Long, Long> managers, YearMonth month) {
        int sent = 0;
        for (PortraitStore.TagChange c : changes) {
            Long manager = managers.get(c.customerId());
            if (manager == null) {
                continue;
            }
            String tag = Messages.get(Messages.CHINESE, c.tag().labelKey());
            String change = Messages.get(Messages.CHINESE, c.added() ? "portrait.change.added" : "portrait.change.removed");
            String reason = Messages.get(Messages.CHINESE, c.tag().reasonKey(), c.tag().args().toArray());
            notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.PORTRAIT, "portrait-tag-change",
                            "客户标签" + change + "：" + tag, List.of(manager))
                    .about(c.customerId()).channels(Set.of(Channel.PORTAL))
                    .parameters(Map.of("tagName", tag, "change", change, "reason", reason))
                    .once("portrait-tag:" + c.customerId() + ":" + c.tag().code() + ":"
                            + (c.added() ? "added" : "removed") + ":" + month).build());
            sent++;
        }
        return sent;
    }
}
