package org.jixiao.monitoring;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringReportRepository extends JpaRepository<MonitoringReport, Long> {

  Optional<MonitoringReport> findByProjectCodeAndBudgetYearAndRoundNo(String projectCode, int budgetYear, int roundNo);

  List<MonitoringReport> findByProjectCodeAndBudgetYearOrderByRoundNoAsc(String projectCode, int budgetYear);

  List<MonitoringReport> findByDistrictAndBudgetYearOrderByProjectCodeAscRoundNoAsc(String district, int budgetYear);

  List<MonitoringReport> findByDistrictAndBudgetYearAndStatusIn(String district, int budgetYear,
      Collection<ReportStatus> statuses);

  List<MonitoringReport> findByDistrictAndStatusIn(String district, Collection<ReportStatus> statuses);

  /** The report a process step refers to: it must exist. */
  default MonitoringReport require(Long id) {
    return findById(id)
        .orElseThrow(() -> new IllegalStateException("process refers to a monitoring report that does not exist: " + id));
  }
}
