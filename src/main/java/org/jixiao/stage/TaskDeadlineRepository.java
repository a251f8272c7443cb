package org.jixiao.stage;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TaskDeadlineRepository extends JpaRepository<TaskDeadline, Long> {

  /** Of the given tasks, those already recorded with {@code kind}: one query for a whole run's candidates. */
  @Query("select d.taskId from TaskDeadline d where d.kind = :kind and d.taskId in :taskIds")
  List<String> recordedTaskIds(@Param("kind") DeadlineKind kind, @Param("taskIds") Collection<String> taskIds);

  List<TaskDeadline> findByTaskIdOrderByIdAsc(String taskId);
}
