package org.jixiao.monitoring;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExecutionImportRepository extends JpaRepository<ExecutionImport, Long> {}
