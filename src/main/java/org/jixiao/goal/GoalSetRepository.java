package org.jixiao.goal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface GoalSetRepository extends JpaRepository<GoalSet, Long> {

  Optional<GoalSet> findByCode(String code);

  boolean existsByCode(String code);

  List<GoalSet> findByProjectId(Long projectId);

  List<GoalSet> findByDistrictAndBudgetYearOrderByCodeAsc(String district, int budgetYear);

  List<GoalSet> findByDepartmentInAndStatusOrderByCodeAsc(Collection<String> departments,
      GoalSetStatus status);

  /** The goal set a process step refers to: it must exist (a process never names one that does not). */
  default GoalSet require(String code) {
    return findByCode(code)
        .orElseThrow(() -> new IllegalStateException("process refers to a goal set that does not exist: " + code));
  }
}
