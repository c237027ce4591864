package cn.keyaccount.portrait;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerGroups;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;

/**
 * The portrait's filters of the customer list ({@link CustomerGroups}): by segment ({@code segment=<id>}) and by tag
 * ({@code tag=<code>}). Each is a subquery on the portrait's own tables, added to the list's conditions only when
 * asked for; the choices offered are the segments and tags of the viewer's customers, with their numbers.
 */
final class PortraitGroups {

    private PortraitGroups() {
    }

    @ApplicationScoped
    static class BySegment implements CustomerGroups {

        private final EntityManager em;

        BySegment(EntityManager em) {
            this.em = em;
        }

        @Override
        public String name() {
            return "segment";
        }

        @Override
        public String labelKey() {
            return "portrait.lists.segment";
        }

        @Override
        public String condition(String parameter) {
            return "c.id in (select m.customerId from SegmentMembership m where m.segmentId = :" + parameter + ")";
        }

        @Override
        public Object parameter(String value) {
            try {
                return Long.parseLong(value == null ? "" : value.strip());
            } catch (NumberFormatException e) {
                throw BusinessException.invalid("portrait.lists.error.bad-segment", value == null ? "" : value);
            }
        }

        @Override
        public List<Choice> choices(Viewer viewer, Locale locale) {
            if (viewer.isCustomer()) {
                return List.of();
            }
            CustomerQueries.Subquery visible = CustomerQueries.visibleTo(viewer);
            TypedQuery<Object[]> q = em.createQuery("select s.id, s.kind, s.ordinal, s.weekendReduced, count(m) "
                    + "from SegmentMembership m join SegmentEntry s on s.id = m.segmentId where m.customerId in ("
                    + visible.hql() + ") group by s.id, s.number, s.kind, s.ordinal, s.weekendReduced "
                    + "order by s.number", Object[].class);
            return visible.bind(q).getResultList().stream().map(r -> new Choice(r[0].toString(),
                    Messages.get(locale, "portrait.lists.choice", SegmentNames.name((ShapeKind) r[1], (Integer) r[2],
                            (Boolean) r[3], locale), r[4]))).toList();
        }
    }

    @ApplicationScoped
    static class ByTag implements CustomerGroups {

        private final TagLists tags;

        ByTag(TagLists tags) {
            this.tags = tags;
        }

        @Override
        public String name() {
            return "tag";
        }

        @Override
        public String labelKey() {
            return "portrait.lists.tag";
        }

        @Override
        public String condition(String parameter) {
            return "c.id in (select t.customerId from CustomerTag t where t.code = :" + parameter + ")";
        }

        @Override
        public Object parameter(String value) {
            return TagLists.checkedCode(value);
        }

        @Override
        public List<Choice> choices(Viewer viewer, Locale locale) {
            if (viewer.isCustomer()) {
                return List.of();
            }
            boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
            return tags.countsWithin(viewer).stream().map(t -> new Choice(t.code(), Messages.get(locale,
                    "portrait.lists.choice", english ? t.labelEn() : t.labelZh(), t.customers()))).toList();
        }
    }
}
