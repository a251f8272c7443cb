package org.jixiao.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringActionRepository extends JpaRepository<MonitoringAction, Long> {

  List<MonitoringAction> findByReportIdOrderByDecidedAtAsc(Long reportId);

  List<MonitoringAction> findByProjectCodeAndBudgetYearOrderByDecidedAtAsc(String projectCode, int budgetYear);

  List<MonitoringAction> findByDistrictAndBudgetYearOrderByDecidedAtAsc(String district, int budgetYear);

  List<MonitoringAction> findByDistrictAndBudgetYearAndKind(String district, int budgetYear, ActionKind kind);
}
