package cn.keyaccount.portrait;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tags as lists of customers: how many of the viewer's customers carry each tag (the segments screen), and which
 * ones (the tag's customer list, its export and its notice). Counted in one statement within the viewer's scope.
 */
@ApplicationScoped
public class TagLists {

    /** What a tag code looks like ({@link TagRules}, {@link TagSource}): checked before it reaches a query. */
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final EntityManager em;

    TagLists(EntityManager em) {
        this.em = em;
    }

    /** Each tag some of the viewer's customers carry, with their number: value first, then behaviour, risk, needs. */
    public List<TagCount> counts(Viewer viewer) {
        PortraitAccess.requireSupervisor(viewer);
        return countsWithin(viewer);
    }

    /** As {@link #counts}, for any staff viewer (the customer list's tag filter offers them). */
    List<TagCount> countsWithin(Viewer viewer) {
        CustomerQueries.Subquery visible = CustomerQueries.visibleTo(viewer);
        TypedQuery<Object[]> q = em.createQuery("select t.code, t.category, t.labelKey, count(t) from CustomerTag t "
                + "where t.customerId in (" + visible.hql() + ") group by t.code, t.category, t.labelKey",
                Object[].class);
        return visible.bind(q).getResultList().stream()
                .map(r -> new TagCount((String) r[0], (TagCategory) r[1],
                        Messages.get(Messages.CHINESE, (String) r[2]), Messages.get(Messages.ENGLISH, (String) r[2]),
                        (Long) r[3]))
                .sorted(Comparator.comparing(TagCount::category).thenComparing(TagCount::code)).toList();
    }

    /** The ids of the viewer's customers with the tag, in id order. */
    public List<Long> customersWith(Viewer viewer, String code) {
        String tag = checkedCode(code);
        CustomerQueries.Subquery visible = CustomerQueries.visibleTo(viewer);
        TypedQuery<Long> q = em.createQuery("select t.customerId from CustomerTag t where t.code = :tag "
                + "and t.customerId in (" + visible.hql() + ") order by t.customerId", Long.class);
        return visible.bind(q).setParameter("tag", tag).getResultList();
    }

    /** A tag code as a query may take it, else a validation error naming it. */
    public static String checkedCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw BusinessException.invalid("portrait.lists.error.bad-tag", code == null ? "" : code);
        }
        return code;
    }
}
