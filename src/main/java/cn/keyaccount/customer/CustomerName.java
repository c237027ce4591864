package cn.keyaccount.customer;

/** A customer as a notice names it: id, 户号 and name. */
public record CustomerName(long id, String accountNo, String name) {
}
