package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.base.TimeSettings;
import cn.keyaccount.servicerequest.RequestRow;
import com.vaadin.flow.component.UI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Small shared pieces of the request screens: the words for a request's type, state and source, and times. */
final class RequestUi {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RequestUi() {
    }

    static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    /** 服务申请 · 计量装置校验, or just the type. */
    static String type(RequestRow r) {
        return t("request.type." + r.type()) + (r.serviceKind() == null ? "" : " · " + t("request.kind."
                + r.serviceKind()));
    }

    static String status(RequestRow r) {
        return t("request.status." + r.status());
    }

    static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at.atZoneSameInstant(TimeSettings.companyZone()));
    }

    /** The next deadline, and 已超时 when one passed. */
    static String due(RequestRow r) {
        String at = r.dueAt() == null ? "" : time(r.dueAt());
        return r.overdue() ? (at.isEmpty() ? t("request.overdue") : at + " · " + t("request.overdue")) : at;
    }

    /** The owner, or the unit the request waits in for a person. */
    static String owner(RequestRow r) {
        return r.ownerName().isEmpty() ? t("request.waiting-in", r.ownerUnitName()) : r.ownerName();
    }
}
