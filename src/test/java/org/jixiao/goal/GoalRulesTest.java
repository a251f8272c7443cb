package org.jixiao.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.goal.GoalDraft.IndicatorInput;
import org.jixiao.system.ApiError;
import org.jixiao.system.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What goals must satisfy before they are stored ({@link GoalRules}), one rule at a time: each test breaks
 * exactly one rule of an otherwise valid draft and expects exactly that refusal, with its field and its
 * Chinese message.
 */
class GoalRulesTest {

  static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  final GoalRules rules = new GoalRules(VALIDATION.getValidator());

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  static IndicatorInput row(IndicatorLevel2 level2, String name, TargetComparator comparator, String value,
      String text, String weight) {
    return new IndicatorInput(level2.level1(), level2, name, comparator, value == null ? null : new BigDecimal(value),
        text, "%", weight == null ? null : new BigDecimal(weight), null);
  }

  static List<IndicatorInput> valid() {
    return new ArrayList<>(List.of(
        row(IndicatorLevel2.QUANTITY, "培训人次", TargetComparator.GE, "300", null, "40"),
        row(IndicatorLevel2.SOCIAL, "教学能力提升", TargetComparator.QUALITATIVE, null, "明显提升", "40"),
        row(IndicatorLevel2.SERVICE_SATISFACTION, "参训人员满意度", TargetComparator.GE, "90", null, "20")));
  }

  private List<ApiError.FieldError> refusal(String overallGoal, List<IndicatorInput> rows) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> rules.check(new GoalDraft(overallGoal, rows)));
    assertThat(e).as("the draft is refused").isNotNull();
    assertThat(e.getMessage()).startsWith("输入有误：");
    return e.fieldErrors();
  }

  @Test
  void aDraftThatKeepsEveryRulePasses() {
    assertThatCode(() -> rules.check(new GoalDraft("完成培训", valid()))).doesNotThrowAnyException();
  }

  @Test
  void weightsWithDecimalsThatAddUpToExactlyAHundredPass() {
    List<IndicatorInput> rows = List.of(
        row(IndicatorLevel2.QUANTITY, "培训人次", TargetComparator.GE, "300", null, "33.33"),
        row(IndicatorLevel2.ECONOMIC, "节约经费", TargetComparator.LE, "5", null, "33.33"),
        row(IndicatorLevel2.SERVICE_SATISFACTION, "满意度", TargetComparator.EQ, "100", null, "33.34"));
    assertThatCode(() -> rules.check(new GoalDraft("完成培训", rows))).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "权重合计 {0} → 拒绝")
  @CsvSource({"99.99, 40, 19.99", "100.01, 40, 20.01", "0.01, 0.00, -19.99"})
  void weightsMustAddUpToExactlyAHundred(String total, String first, String third) {
    List<IndicatorInput> rows = valid();
    rows.set(2, row(IndicatorLevel2.SERVICE_SATISFACTION, "参训人员满意度", TargetComparator.GE, "90", null, third));
    if (new BigDecimal(third).signum() > 0) {
      assertThat(refusal("完成培训", rows)).containsExactly(new ApiError.FieldError("indicators",
          "各项指标权重之和应为 100，当前为 " + total));
    } else {
      assertThat(refusal("完成培训", rows)).extracting(ApiError.FieldError::field)
          .containsExactly("indicators[2].weight");
    }
  }

  @Test
  void atLeastOneOutputIndicator() {
    List<IndicatorInput> rows = valid();
    rows.set(0, row(IndicatorLevel2.ECONOMIC, "节约经费", TargetComparator.LE, "5", null, "40"));
    assertThat(refusal("完成培训", rows)).containsExactly(new ApiError.FieldError("indicators",
        "至少设置一项产出指标（数量、质量、时效或成本）"));
  }

  @Test
  void atLeastOneEffectIndicator() {
    List<IndicatorInput> rows = valid();
    rows.set(1, row(IndicatorLevel2.TIMELINESS, "按期完成率", TargetComparator.EQ, "100", null, "40"));
    assertThat(refusal("完成培训", rows)).containsExactly(new ApiError.FieldError("indicators",
        "至少设置一项效益指标（经济、社会、生态或可持续影响）"));
  }

  @Test
  void aNumericComparatorNeedsANumberAsTarget() {
    List<IndicatorInput> rows = valid();
    rows.set(0, row(IndicatorLevel2.QUANTITY, "培训人次", TargetComparator.GE, null, "很多", "40"));
    assertThat(refusal("完成培训", rows)).containsExactly(new ApiError.FieldError("indicators[0].targetValue",
        "第 1 项指标“培训人次”为定量指标（≥），请填写数值目标值"));
  }

  @Test
  void aQualitativeTargetNeedsADescription() {
    List<IndicatorInput> rows = valid();
    rows.set(1, row(IndicatorLevel2.SOCIAL, "教学能力提升", TargetComparator.QUALITATIVE, null, "  ", "40"));
    assertThat(refusal("完成培训", rows)).containsExactly(new ApiError.FieldError("indicators[1].targetText",
        "第 2 项指标“教学能力提升”为定性指标，请填写目标描述"));
  }

  @Test
  void theSecondLevelMustBelongToTheFirst() {
    List<IndicatorInput> rows = valid();
    IndicatorInput r = rows.get(0);
    rows.set(0, new IndicatorInput(IndicatorLevel1.EFFECT, r.level2(), r.name(), r.comparator(), r.targetValue(),
        null, r.unit(), r.weight(), null));
    assertThat(refusal("完成培训", rows)).containsExactly(new ApiError.FieldError("indicators[0].level2",
        "第 1 项指标“培训人次”的二级指标“数量指标”不属于一级指标“效益指标”"));
  }

  @Test
  void anIndicatorAppearsOnceUnderItsSecondLevel() {
    List<IndicatorInput> rows = valid();
    rows.set(0, row(IndicatorLevel2.QUANTITY, "培训人次", TargetComparator.GE, "300", null, "20"));
    rows.add(row(IndicatorLevel2.QUANTITY, "培训人次 ", TargetComparator.GE, "200", null, "20"));
    assertThat(refusal("完成培训", rows)).containsExactly(new ApiError.FieldError("indicators[3].name",
        "第 4 项指标“培训人次”在“数量指标”下重复"));
  }

  @Test
  void anOverallGoalAndAtLeastOneIndicatorAreRequired() {
    assertThat(refusal(" ", valid())).containsExactly(new ApiError.FieldError("overallGoal", "请填写总体绩效目标"));
    assertThat(refusal("完成培训", List.of())).containsExactly(new ApiError.FieldError("indicators", "请至少填写一项绩效指标"));
  }

  @Test
  void eachRowNeedsSecondLevelNameComparatorAndAPositiveWeightOfAtMostAHundredWithTwoDecimals() {
    List<IndicatorInput> rows = valid();
    rows.set(0, new IndicatorInput(null, null, " ", null, null, null, null, new BigDecimal("100.001"), null));
    assertThat(refusal("完成培训", rows)).containsExactlyInAnyOrder(
        new ApiError.FieldError("indicators[0].comparator", "请选择指标值的比较方式：≥、≤、= 或定性"),
        new ApiError.FieldError("indicators[0].level2", "请选择二级指标"),
        new ApiError.FieldError("indicators[0].name", "请填写指标名称"),
        new ApiError.FieldError("indicators[0].weight", "指标权重不能超过 100"),
        new ApiError.FieldError("indicators[0].weight", "指标权重最多两位小数"));
  }

  @Test
  void rowRulesWaitUntilEveryFieldIsWellFormed() {
    List<IndicatorInput> rows = valid();
    rows.set(2, row(IndicatorLevel2.SERVICE_SATISFACTION, "参训人员满意度", TargetComparator.GE, "90", null, null));
    assertThat(refusal("完成培训", rows)).containsExactly(
        new ApiError.FieldError("indicators[2].weight", "请填写指标权重"));
  }
}
