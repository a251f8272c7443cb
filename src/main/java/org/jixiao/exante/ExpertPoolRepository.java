package org.jixiao.exante;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertPoolRepository extends JpaRepository<ExpertPoolMember, Long> {

  List<ExpertPoolMember> findByDistrictOrderByUserIdAsc(String district);

  Optional<ExpertPoolMember> findByDistrictAndUserId(String district, String userId);
}
