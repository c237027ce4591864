package cn.keyaccount.portrait;

import java.util.List;

/**
 * A tag on a customer with its reason in numbers: {@code labelKey} names it, {@code reasonKey} is a message whose
 * arguments are {@code args} ("最大需量达容量的 {0,number,percent}（近 {2} 个月中 {1} 个月超过 …）"). Built-in tags
 * come from {@link TagRules}; another feature adds its own through a {@link TagSource} with keys in its own bundle.
 *
 * @param code a stable name, unique per customer (the inbox notices of slice 4 compare codes month to month)
 */
public record PortraitTag(String code, TagCategory category, String labelKey, String reasonKey, List<Double> args) {
}
