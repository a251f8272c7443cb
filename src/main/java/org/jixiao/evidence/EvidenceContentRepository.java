package org.jixiao.evidence;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceContentRepository extends JpaRepository<EvidenceContent, Long> {}
