package org.jixiao.goal;

import java.math.BigDecimal;
import java.util.List;
import org.jixiao.project.ProjectCategories;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The common-indicator library (共性指标库): categories and their indicators, kept as data (Flyway V4, or
 * rows a finance bureau adds). A unit drafting goals for a project of a category is offered its indicators
 * and may add its own.
 */
@Service
public class IndicatorLibrary implements ProjectCategories {

  /** A category as the API shows it. */
  public record CategoryView(String code, String name) {}

  /** A common indicator as the API and the drafting form show it. */
  public record CommonIndicatorView(String code, String category, IndicatorLevel1 level1, String level1Label,
      IndicatorLevel2 level2, String level2Label, String name, TargetComparator comparator, String comparatorSymbol,
      BigDecimal targetValue, String targetText, String unit, String guidance) {

    static CommonIndicatorView of(CommonIndicator c) {
      return new CommonIndicatorView(c.getCode(), c.getCategory(), c.getLevel1(), c.getLevel1().label(),
          c.getLevel2(), c.getLevel2().label(), c.getName(), c.getComparator(), c.getComparator().symbol(),
          c.getTargetValue(), c.getTargetText(), c.getUnit(), c.getGuidance());
    }
  }

  private final IndicatorCategoryRepository categories;
  private final CommonIndicatorRepository indicators;

  IndicatorLibrary(IndicatorCategoryRepository categories, CommonIndicatorRepository indicators) {
    this.categories = categories;
    this.indicators = indicators;
  }

  @Transactional(readOnly = true)
  public List<CategoryView> categories() {
    return categories.findAllByOrderBySortOrderAsc().stream().map(c -> new CategoryView(c.getCode(), c.getName())).toList();
  }

  @Transactional(readOnly = true)
  public List<CommonIndicatorView> indicators(String category) {
    if (!categories.existsById(category)) {
      throw ApiException.notFound("项目类别不存在：" + category);
    }
    return indicators.findByCategoryOrderBySortOrderAsc(category).stream().map(CommonIndicatorView::of).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public String nameOf(String code) {
    return code == null ? null : categories.findById(code).map(IndicatorCategory::getName).orElse(null);
  }
}
