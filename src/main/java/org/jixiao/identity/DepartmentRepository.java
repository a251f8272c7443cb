package org.jixiao.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Long> {

  List<Department> findByDistrictOrderByCodeAsc(String district);

  List<Department> findByDistrictIn(Collection<String> districts);

  Optional<Department> findByDistrictAndCode(String district, String code);

  Optional<Department> findByGroupId(String groupId);

  List<Department> findByGroupIdIn(Collection<String> groupIds);

  boolean existsByGroupId(String groupId);
}
