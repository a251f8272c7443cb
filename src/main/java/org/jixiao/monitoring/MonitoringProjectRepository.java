package org.jixiao.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringProjectRepository extends JpaRepository<MonitoringProject, Long> {

  Optional<MonitoringProject> findByProjectCodeAndBudgetYear(String projectCode, int budgetYear);

  List<MonitoringProject> findByProjectCodeOrderByBudgetYearAsc(String projectCode);

  List<MonitoringProject> findByDistrictAndBudgetYearOrderByProjectCodeAsc(String district, int budgetYear);

  /** The monitoring state a process step refers to: it must exist. */
  default MonitoringProject require(String projectCode, int budgetYear) {
    return findByProjectCodeAndBudgetYear(projectCode, budgetYear).orElseThrow(() -> new IllegalStateException(
        "process refers to a monitored project that does not exist: " + projectCode + "/" + budgetYear));
  }
}
