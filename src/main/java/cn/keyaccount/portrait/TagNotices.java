package cn.keyaccount.portrait;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * A notice to the customers of the viewer's with a tag (e.g. every customer tagged 需量超容 about the capacity
 * increase offer), through the notice engine as the notice centre composes one ({@link NoticeService#compose},
 * template {@code general}): the engine applies its rules — the contacts' consent per channel, quiet hours, the
 * SMS length, who may see which customer — and the notice shows in the notice centre like any other.
 */
@ApplicationScoped
public class TagNotices {

    static final int TITLE_MAX = 60;
    static final int TEXT_MAX = 500;

    private final TagLists tags;
    private final NoticeService notices;

    TagNotices(TagLists tags, NoticeService notices) {
        this.tags = tags;
        this.notices = notices;
    }

    /** Schedules the notice now to the contacts of the viewer's customers with the tag. */
    @Transactional
    public NoticeSummary send(Viewer viewer, String code, String title, String text) {
        if (viewer.isCustomer()) {
            throw BusinessException.forbidden("error.notice-forbidden");
        }
        new Validation().notBlank(title, "title").maxLength(title, TITLE_MAX, "title")
                .notBlank(text, "text").maxLength(text, TEXT_MAX, "text").throwIfInvalid();
        List<Long> customers = tags.customersWith(viewer, code);
        if (customers.isEmpty()) {
            throw BusinessException.invalid("portrait.lists.error.no-customers", code);
        }
        return notices.compose(viewer, NoticeRequest.toCustomers(NoticePurpose.GENERAL, "general", title.strip(),
                customers).parameters(Map.of("title", title.strip(), "text", text.strip())).build());
    }
}
