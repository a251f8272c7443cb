package org.jixiao.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExecutionImportRowRepository extends JpaRepository<ExecutionImportRow, Long> {

  List<ExecutionImportRow> findByImportIdOrderByRowNoAscIdAsc(Long importId);
}
