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
}
