package org.jixiao.stage;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageOpinionRepository extends JpaRepository<StageOpinion, Long> {

  List<StageOpinion> findBySubjectTypeAndSubjectCodeOrderByGivenAtAscIdAsc(SubjectType type, String code);

  List<StageOpinion> findBySubjectTypeAndSubjectCodeInOrderByGivenAtAscIdAsc(SubjectType type,
      Collection<String> codes);
}
