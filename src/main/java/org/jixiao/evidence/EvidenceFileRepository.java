package org.jixiao.evidence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, Long> {

  List<EvidenceFile> findByProjectCodeOrderByUploadedAtAscIdAsc(String projectCode);

  Optional<EvidenceFile> findByIdAndProjectCode(Long id, String projectCode);
}
