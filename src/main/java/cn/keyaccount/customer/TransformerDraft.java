package cn.keyaccount.customer;

import java.math.BigDecimal;

public class TransformerDraft {

    private String name;
    private BigDecimal ratedKva;
    private BigDecimal noLoadLossKw;
    private BigDecimal loadLossKw;
    private Long version;

    public static TransformerDraft of(TransformerDetails t) {
        TransformerDraft d = new TransformerDraft();
        d.name = t.name();
        d.ratedKva = t.ratedKva();
        d.noLoadLossKw = t.noLoadLossKw();
        d.loadLossKw = t.loadLossKw();
        d.version = t.version();
        return d;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getRatedKva() {
        return ratedKva;
    }

    public void setRatedKva(BigDecimal ratedKva) {
        this.ratedKva = ratedKva;
    }

    public BigDecimal getNoLoadLossKw() {
        return noLoadLossKw;
    }

    public void setNoLoadLossKw(BigDecimal noLoadLossKw) {
        this.noLoadLossKw = noLoadLossKw;
    }

    public BigDecimal getLoadLossKw() {
        return loadLossKw;
    }

    public void setLoadLossKw(BigDecimal loadLossKw) {
        this.loadLossKw = loadLossKw;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
