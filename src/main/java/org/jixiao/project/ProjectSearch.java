package org.jixiao.project;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What the project library page searches by: the districts to look in (never empty), and optionally a
 * department, status, lifecycle stage, budget year, a range of the requested amount (元, inclusive) and a text
 * found in the code or the name (case-insensitive). Who may read which project is the caller's to check.
 */
public record ProjectSearch(Set<String> districts, String department, ProjectStatus status, ProjectStage stage,
    Integer budgetYear, BigDecimal minAmount, BigDecimal maxAmount, String text) {

  public ProjectSearch {
    districts = Set.copyOf(districts);
    if (districts.isEmpty()) {
      throw new IllegalArgumentException("a search names the districts it looks in");
    }
  }
}
