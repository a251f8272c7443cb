package org.jixiao.project;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, Long> {

  Optional<Project> findByCode(String code);

  boolean existsByCode(String code);
}
