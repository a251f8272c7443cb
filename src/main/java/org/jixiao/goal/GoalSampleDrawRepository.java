package org.jixiao.goal;

import org.springframework.data.jpa.repository.JpaRepository;

interface GoalSampleDrawRepository extends JpaRepository<GoalSampleDraw, Long> {}
