package cn.keyaccount.portrait;

/** A member of a segment: the customer and its distance to the centre (in the clustering's units). */
public record SegmentMemberRow(long customerId, String accountNo, String name, double distance) {
}
