package org.jixiao.workplace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jixiao.project.ProjectStage;
import org.jixiao.project.ProjectStatus;
import org.jixiao.system.ApiError;
import org.jixiao.system.InvalidInputException;

/**
 * The project library's search as the page sends it (every value a string, blank = not given), checked: a bad
 * value is a 400 with one Chinese message per field; nothing is looked up yet (districts and departments are
 * checked against the caller's in {@link ProjectLibrary}).
 */
record LibraryFilter(String text, String district, String department, ProjectStatus status, ProjectStage stage,
    Integer year, BigDecimal minAmount, BigDecimal maxAmount, int page, int size, Sort sort) {

  static final int MAX_SIZE = 200;
  static final int DEFAULT_SIZE = 20;
  static final int MAX_TEXT = 100;

  /** The orders the list offers; the code breaks ties. */
  enum Sort {
    CODE("code"), CODE_DESC("-code"), NAME("name"), NAME_DESC("-name"), AMOUNT("amount"), AMOUNT_DESC("-amount"),
    YEAR("year"), YEAR_DESC("-year"), UPDATED("updated"), UPDATED_DESC("-updated");

    private final String parameter;

    Sort(String parameter) {
      this.parameter = parameter;
    }

    String parameter() {
      return parameter;
    }
  }

  static LibraryFilter parse(Map<String, String> params) {
    List<ApiError.FieldError> errors = new ArrayList<>();
    String text = value(params, "q");
    if (text != null && text.length() > MAX_TEXT) {
      errors.add(new ApiError.FieldError("q", "搜索内容不能超过 " + MAX_TEXT + " 个字"));
    }
    String district = value(params, "district");
    if (district != null && district.length() > 64) {
      errors.add(new ApiError.FieldError("district", "辖区编码不能超过 64 位"));
    }
    String department = value(params, "department");
    if (department != null && department.length() > 64) {
      errors.add(new ApiError.FieldError("department", "部门编码不能超过 64 位"));
    }
    ProjectStatus status = choice(params, "status", ProjectStatus.class, "项目状态", errors);
    ProjectStage stage = choice(params, "stage", ProjectStage.class, "所处阶段", errors);
    Integer year = integer(params, "year", "预算年度", 2000, 2100, errors);
    BigDecimal min = amount(params, "minAmount", "金额下限", errors);
    BigDecimal max = amount(params, "maxAmount", "金额上限", errors);
    if (min != null && max != null && min.compareTo(max) > 0) {
      errors.add(new ApiError.FieldError("maxAmount", "金额上限不能小于金额下限"));
    }
    Integer page = integer(params, "page", "页码", 0, 1_000_000, errors);
    Integer size = integer(params, "size", "每页条数", 1, MAX_SIZE, errors);
    Sort sort = Sort.CODE;
    String sortValue = value(params, "sort");
    if (sortValue != null) {
      sort = Arrays.stream(Sort.values()).filter(s -> s.parameter.equals(sortValue)).findFirst().orElse(null);
      if (sort == null) {
        errors.add(new ApiError.FieldError("sort", "排序方式无效：" + shorten(sortValue) + "（可选："
            + Arrays.stream(Sort.values()).map(Sort::parameter).collect(Collectors.joining("、")) + "）"));
      }
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }
    return new LibraryFilter(text, district, department, status, stage, year, min, max,
        page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, sort);
  }

  private static String value(Map<String, String> params, String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <E extends Enum<E>> E choice(Map<String, String> params, String name, Class<E> type, String label,
      List<ApiError.FieldError> errors) {
    String value = value(params, name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.add(new ApiError.FieldError(name, label + "无效：" + shorten(value) + "（可选：" + Arrays.stream(
          type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、")) + "）"));
      return null;
    }
  }

  private static Integer integer(Map<String, String> params, String name, String label, int min, int max,
      List<ApiError.FieldError> errors) {
    String value = value(params, name);
    if (value == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        errors.add(new ApiError.FieldError(name, label + "应在 " + min + " 到 " + max + " 之间"));
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(new ApiError.FieldError(name, label + "必须是整数：" + shorten(value)));
      return null;
    }
  }

  private static BigDecimal amount(Map<String, String> params, String name, String label,
      List<ApiError.FieldError> errors) {
    String value = value(params, name);
    if (value == null) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.replace(",", ""));
    } catch (NumberFormatException e) {
      errors.add(new ApiError.FieldError(name, label + "必须是以元为单位的数字：" + shorten(value)));
      return null;
    }
    if (amount.signum() < 0) {
      errors.add(new ApiError.FieldError(name, label + "不能为负数"));
      return null;
    }
    if (amount.scale() > 2 || amount.precision() - amount.scale() > 16) {
      errors.add(new ApiError.FieldError(name, label + "以元为单位，最多 16 位整数、两位小数"));
      return null;
    }
    return amount;
  }

  /** A refused value as the message repeats it: at most 40 characters. */
  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
