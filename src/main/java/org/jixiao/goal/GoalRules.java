package org.jixiao.goal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jixiao.system.ApiError;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The rules every set of goals must meet before it is stored, whichever way it arrives: the field
 * constraints of {@link GoalDraft}, and across rows — at least one output (产出) and one effect (效益)
 * indicator, a number for every ≥/≤/= target and a description for every qualitative one, the second level
 * under its first, no indicator twice in one place, weights adding up to exactly 100.
 */
@Component
public class GoalRules {

  static final BigDecimal FULL_WEIGHT = new BigDecimal("100");

  private final Validator validator;

  GoalRules(Validator validator) {
    this.validator = validator;
  }

  /** Refuses the draft with every problem found, each with its field and a Chinese message. */
  public void check(GoalDraft draft) {
    if (draft == null) {
      throw new InvalidInputException("请填写绩效目标");
    }
    List<ApiError.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<GoalDraft> v : validator.validate(draft)) {
      errors.add(new ApiError.FieldError(v.getPropertyPath().toString(), v.getMessage()));
    }
    errors.sort(Comparator.comparing(ApiError.FieldError::field));
    if (errors.isEmpty()) {
      errors.addAll(acrossRows(draft.indicators()));
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }
  }

  private static List<ApiError.FieldError> acrossRows(List<GoalDraft.IndicatorInput> rows) {
    List<ApiError.FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < rows.size(); i++) {
      GoalDraft.IndicatorInput row = rows.get(i);
      String at = "indicators[" + i + "]";
      String which = "第 " + (i + 1) + " 项指标“" + row.name().strip() + "”";
      if (row.level1() != null && row.level1() != row.level2().level1()) {
        errors.add(new ApiError.FieldError(at + ".level2", which + "的二级指标“" + row.level2().label()
            + "”不属于一级指标“" + row.level1().label() + "”"));
      }
      if (row.comparator().quantitative() && row.targetValue() == null) {
        errors.add(new ApiError.FieldError(at + ".targetValue", which + "为定量指标（" + row.comparator().symbol()
            + "），请填写数值目标值"));
      }
      if (!row.comparator().quantitative() && (row.targetText() == null || row.targetText().isBlank())) {
        errors.add(new ApiError.FieldError(at + ".targetText", which + "为定性指标，请填写目标描述"));
      }
      if (!seen.add(row.level2() + "/" + row.name().strip())) {
        errors.add(new ApiError.FieldError(at + ".name", which + "在“" + row.level2().label() + "”下重复"));
      }
      total = total.add(row.weight());
    }
    if (rows.stream().noneMatch(r -> r.level2().level1() == IndicatorLevel1.OUTPUT)) {
      errors.add(new ApiError.FieldError("indicators", "至少设置一项产出指标（数量、质量、时效或成本）"));
    }
    if (rows.stream().noneMatch(r -> r.level2().level1() == IndicatorLevel1.EFFECT)) {
      errors.add(new ApiError.FieldError("indicators", "至少设置一项效益指标（经济、社会、生态或可持续影响）"));
    }
    if (total.compareTo(FULL_WEIGHT) != 0) {
      errors.add(new ApiError.FieldError("indicators", "各项指标权重之和应为 100，当前为 "
          + total.stripTrailingZeros().toPlainString()));
    }
    return errors;
  }
}
