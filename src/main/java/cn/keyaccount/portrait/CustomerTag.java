package cn.keyaccount.portrait;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A tag of a customer as the last computation stored it ({@code portrait_tag}), read-only: the computation writes the
 * table in plain SQL ({@code PortraitStore}); this mapping lets lists filter, count and page by tag in HQL.
 */
@Entity
@Immutable
@Table(name = "portrait_tag")
@IdClass(CustomerTag.Key.class)
public class CustomerTag {

    @Id
    @Column(name = "customer_id")
    private long customerId;
    @Id
    private String code;
    @Enumerated(EnumType.STRING)
    private TagCategory category;
    @Column(name = "label_key")
    private String labelKey;

    protected CustomerTag() {
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getCode() {
        return code;
    }

    public TagCategory getCategory() {
        return category;
    }

    public String getLabelKey() {
        return labelKey;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private long customerId;
        private String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.customerId == customerId && Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, code);
        }
    }
}
