package org.jixiao.goal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommonIndicatorRepository extends JpaRepository<CommonIndicator, Long> {

  List<CommonIndicator> findByCategoryOrderBySortOrderAsc(String category);
}
