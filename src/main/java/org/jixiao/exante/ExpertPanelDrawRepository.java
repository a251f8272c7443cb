package org.jixiao.exante;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertPanelDrawRepository extends JpaRepository<ExpertPanelDraw, Long> {

  List<ExpertPanelDraw> findByProjectCodeOrderByDrawnAtAscIdAsc(String projectCode);
}
