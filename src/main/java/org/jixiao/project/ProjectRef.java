package org.jixiao.project;

import java.math.BigDecimal;

/**
 * What other modules need to know of a project: its identity, owner, year, category, the amount to budget
 * (the approved amount where budget review cut it, else the requested amount) and its status.
 */
public record ProjectRef(Long id, String code, String name, String district, String department, int budgetYear,
    String category, BigDecimal budgetAmount, ProjectStatus status) {

  static ProjectRef of(Project p) {
    return new ProjectRef(p.getId(), p.getCode(), p.getName(), p.getDistrict(), p.getDepartment(), p.getBudgetYear(),
        p.getCategory(), p.getApprovedAmount() != null ? p.getApprovedAmount() : p.getAmount(), p.getStatus());
  }
}
