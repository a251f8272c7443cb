package org.jixiao.project;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What a budget unit submits to apply for a project. Amounts in 元, at most two decimals. */
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
    @NotNull(message = "申报金额不能为空")
    @DecimalMin(value = "0.01", message = "申报金额必须大于 0 元")
    @Digits(integer = 16, fraction = 2, message = "申报金额以元为单位，最多两位小数")
    BigDecimal amount) {}
