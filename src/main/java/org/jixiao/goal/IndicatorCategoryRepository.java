package org.jixiao.goal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IndicatorCategoryRepository extends JpaRepository<IndicatorCategory, String> {

  List<IndicatorCategory> findAllByOrderBySortOrderAsc();
}
