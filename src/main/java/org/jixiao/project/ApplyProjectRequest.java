package org.jixiao.project;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What a budget unit submits to apply for a project or policy. Amounts in 元, at most two decimals. The
 * budget year defaults to next year for the annual budget and to this year for an addition or a new
 * policy; the category (会议, 培训, …: see /api/indicator-categories) decides which common indicators the
 * goal form offers.
 */
public record ApplyProjectRequest(
    @NotBlank(message = "项目编码不能为空")
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{2,63}", message = "项目编码只能由字母、数字、下划线和连字符组成，长度 3 到 64 位")
    String code,
    @NotBlank(message = "项目名称不能为空")
    @Size(max = 200, message = "项目名称不能超过 200 个字")
    String name,
    @NotBlank(message = "所属辖区不能为空")
    String district,
    @NotBlank(message = "预算单位（部门）不能为空")
    String department,
    @NotNull(message = "请选择项目类型：普惠性政策、专项政策、新增建设项目或部门项目支出")
    ItemType itemType,
    @NotNull(message = "请选择预算阶段：年初预算、追加预算或新出台政策")
    BudgetStage budgetStage,
    @NotNull(message = "申报金额不能为空")
    @DecimalMin(value = "0.01", message = "申报金额必须大于 0 元")
    @Digits(integer = 16, fraction = 2, message = "申报金额以元为单位，最多两位小数")
    BigDecimal amount,
    @NotNull(message = "请注明是否为新增或增支项目")
    Boolean newSpending,
    @NotNull(message = "请选择资金来源：一般公共预算、政府性基金预算、国有资本经营预算或社会保险基金预算")
    FundSource fundSource,
    @NotNull(message = "实施期限不能为空")
    @Min(value = 1, message = "实施期限至少 1 年")
    @Max(value = 30, message = "实施期限不能超过 30 年")
    Integer periodYears,
    @Size(max = 64, message = "主管部门编码不能超过 64 位")
    String supervisingDepartment,
    @Min(value = 2000, message = "预算年度应在 2000 到 2100 之间")
    @Max(value = 2100, message = "预算年度应在 2000 到 2100 之间")
    Integer budgetYear,
    @Size(max = 32, message = "项目类别编码不能超过 32 位")
    String category) {

  /** An application with the usual values for what a test or the demo does not care about. */
  public static ApplyProjectRequest of(String code, String name, String district, String department,
      ItemType itemType, BigDecimal amount, boolean newSpending) {
    return new ApplyProjectRequest(code, name, district, department, itemType, BudgetStage.ANNUAL, amount,
        newSpending, FundSource.GENERAL_PUBLIC_BUDGET, 1, null, null, null);
  }
}
