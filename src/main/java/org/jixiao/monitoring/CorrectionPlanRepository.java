package org.jixiao.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CorrectionPlanRepository extends JpaRepository<CorrectionPlan, Long> {

  Optional<CorrectionPlan> findByReportId(Long reportId);

  List<CorrectionPlan> findByProjectCodeAndBudgetYearOrderBySubmittedAtAsc(String projectCode, int budgetYear);
}
