package org.jixiao.goal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Goals as a unit writes them: the overall goal and the indicator rows in order. The same shape comes from
 * the API and, as JSON in the variable {@code goalDraft}, from the Tasklist forms. {@link GoalRules} checks
 * it before anything is stored.
 */
public record GoalDraft(
    @NotBlank(message = "请填写总体绩效目标")
    @Size(max = 2000, message = "总体绩效目标不能超过 2000 个字")
    String overallGoal,
    @NotEmpty(message = "请至少填写一项绩效指标")
    @Size(max = 100, message = "绩效指标不能超过 100 项")
    List<@Valid @NotNull(message = "指标行不能为空") IndicatorInput> indicators) {

  /** One row of the indicator tree. {@code level1} may be left out: the second level implies it. */
  public record IndicatorInput(
      IndicatorLevel1 level1,
      @NotNull(message = "请选择二级指标")
      IndicatorLevel2 level2,
      @NotBlank(message = "请填写指标名称")
      @Size(max = 200, message = "指标名称不能超过 200 个字")
      String name,
      @NotNull(message = "请选择指标值的比较方式：≥、≤、= 或定性")
      TargetComparator comparator,
      @Digits(integer = 16, fraction = 4, message = "目标值最多 16 位整数、4 位小数")
      BigDecimal targetValue,
      @Size(max = 200, message = "定性目标描述不能超过 200 个字")
      String targetText,
      @Size(max = 20, message = "计量单位不能超过 20 个字")
      String unit,
      @NotNull(message = "请填写指标权重")
      @DecimalMin(value = "0.01", message = "指标权重必须大于 0")
      @DecimalMax(value = "100", message = "指标权重不能超过 100")
      @Digits(integer = 3, fraction = 2, message = "指标权重最多两位小数")
      BigDecimal weight,
      @Size(max = 64, message = "共性指标编码不能超过 64 位")
      String commonIndicatorCode) {

    Indicator toIndicator() {
      boolean quantitative = comparator.quantitative();
      return new Indicator(level2.level1(), level2, name.strip(), comparator, quantitative ? targetValue : null,
          quantitative ? null : blankToNull(targetText), blankToNull(unit), weight, blankToNull(commonIndicatorCode));
    }
  }

  List<Indicator> toIndicators() {
    return indicators.stream().map(IndicatorInput::toIndicator).toList();
  }

  /** The draft of an existing version, for forms that start from the last one. */
  static GoalDraft of(GoalVersion version) {
    return new GoalDraft(version.getOverallGoal(), version.getIndicators().stream()
        .map(i -> new IndicatorInput(i.level1(), i.level2(), i.name(), i.comparator(), i.targetValue(),
            i.targetText(), i.unit(), i.weight(), i.commonIndicatorCode()))
        .toList());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
