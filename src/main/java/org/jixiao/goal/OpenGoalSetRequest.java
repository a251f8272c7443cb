package org.jixiao.goal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Opens goal setting that the listing of a project did not open by itself: a project's goals for a
 * further year of its period (give {@code projectCode}, optionally {@code budgetYear}), or a department's
 * whole-budget goals (部门整体绩效目标: give {@code district}, {@code department}, {@code budgetYear} and
 * {@code budgetAmount}).
 */
public record OpenGoalSetRequest(
    @Size(max = 64, message = "项目编码不能超过 64 位")
    String projectCode,
    @Size(max = 64, message = "辖区编码不能超过 64 位")
    String district,
    @Size(max = 64, message = "部门编码不能超过 64 位")
    String department,
    @Min(value = 2000, message = "预算年度应在 2000 到 2100 之间")
    @Max(value = 2100, message = "预算年度应在 2000 到 2100 之间")
    Integer budgetYear,
    @DecimalMin(value = "0", message = "预算金额不能为负数")
    @Digits(integer = 16, fraction = 2, message = "预算金额以元为单位，最多两位小数")
    BigDecimal budgetAmount) {}
