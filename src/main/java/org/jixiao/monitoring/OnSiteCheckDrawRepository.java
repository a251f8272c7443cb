package org.jixiao.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OnSiteCheckDrawRepository extends JpaRepository<OnSiteCheckDraw, Long> {

  Optional<OnSiteCheckDraw> findByDistrictAndBudgetYearAndRoundNo(String district, int budgetYear, int roundNo);

  List<OnSiteCheckDraw> findByDistrictAndBudgetYearOrderByRoundNoAsc(String district, int budgetYear);
}
