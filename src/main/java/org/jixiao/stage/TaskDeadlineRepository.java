package org.jixiao.stage;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskDeadlineRepository extends JpaRepository<TaskDeadline, Long> {

  boolean existsByTaskIdAndKind(String taskId, DeadlineKind kind);

  List<TaskDeadline> findByTaskIdOrderByIdAsc(String taskId);
}
