package cn.keyaccount.customer;

import java.math.BigDecimal;

public record TransformerView(long id, long customerId, String name, BigDecimal ratedKva, BigDecimal noLoadLossKw,
                              BigDecimal loadLossKw, long version) {

    static TransformerView of(Transformer t) {
        return new TransformerView(t.getId(), t.getCustomer().getId(), t.getName(), t.getRatedKva(),
                t.getNoLoadLossKw(), t.getLoadLossKw(), t.getVersion());
    }
}
