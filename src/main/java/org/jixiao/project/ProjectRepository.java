package org.jixiao.project;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ProjectRepository extends JpaRepository<Project, Long>, JpaSpecificationExecutor<Project> {

  Optional<Project> findByCode(String code);

  List<Project> findTop200ByApplicantOrderByCreatedAtDesc(String applicant);

  boolean existsByCode(String code);

  List<Project> findByCodeIn(Collection<String> codes);

  List<Project> findByDistrictAndBudgetYearAndStatusOrderByCodeAsc(String district, int budgetYear, ProjectStatus status);
}
