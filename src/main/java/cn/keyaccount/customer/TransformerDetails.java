package cn.keyaccount.customer;

import java.math.BigDecimal;

public record TransformerDetails(long id, long customerId, String name, BigDecimal ratedKva, BigDecimal noLoadLossKw,
                              BigDecimal loadLossKw, long version) {

    static TransformerDetails of(Transformer t) {
        return new TransformerDetails(t.getId(), t.getCustomer().getId(), t.getName(), t.getRatedKva(),
                t.getNoLoadLossKw(), t.getLoadLossKw(), t.getVersion());
    }
}
