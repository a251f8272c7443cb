package org.jixiao.stage;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The five dimensions of an ex-ante assessment, 0–100 each: 立项必要性, 投入经济性, 绩效目标合理性,
 * 实施方案可行性, 筹资合规性.
 */
@Embeddable
public record DimensionScores(
    @NotNull(message = "请为立项必要性打分") @Min(value = 0, message = "分数在 0 到 100 之间") @Max(value = 100, message = "分数在 0 到 100 之间")
    @Column(name = "score_necessity") Integer necessity,
    @NotNull(message = "请为投入经济性打分") @Min(value = 0, message = "分数在 0 到 100 之间") @Max(value = 100, message = "分数在 0 到 100 之间")
    @Column(name = "score_economy") Integer economy,
    @NotNull(message = "请为绩效目标合理性打分") @Min(value = 0, message = "分数在 0 到 100 之间") @Max(value = 100, message = "分数在 0 到 100 之间")
    @Column(name = "score_goal_reasonableness") Integer goalReasonableness,
    @NotNull(message = "请为实施方案可行性打分") @Min(value = 0, message = "分数在 0 到 100 之间") @Max(value = 100, message = "分数在 0 到 100 之间")
    @Column(name = "score_feasibility") Integer feasibility,
    @NotNull(message = "请为筹资合规性打分") @Min(value = 0, message = "分数在 0 到 100 之间") @Max(value = 100, message = "分数在 0 到 100 之间")
    @Column(name = "score_financing_compliance") Integer financingCompliance) {

  /** Process variable names of the five scores, as the forms submit them. */
  public static final String[] VARIABLES = {
      "scoreNecessity", "scoreEconomy", "scoreGoalReasonableness", "scoreFeasibility", "scoreFinancingCompliance"};
}
