package org.jixiao.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaidToDateCorrectionRepository extends JpaRepository<PaidToDateCorrection, Long> {

  List<PaidToDateCorrection> findByReportIdOrderByCorrectedAtAscIdAsc(Long reportId);
}
