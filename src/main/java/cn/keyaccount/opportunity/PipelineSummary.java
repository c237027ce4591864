package cn.keyaccount.opportunity;

import java.math.BigDecimal;
import java.util.List;

/** The pipeline: per stage, how many opportunities and their expected yearly value (all five stages, in order). */
public record PipelineSummary(List<StageTotal> stages, long openCount, BigDecimal openValue) {

    public record StageTotal(OpportunityStage stage, long count, BigDecimal value) {
    }
}
