package org.jixiao.goal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One 抽审 draw: which district and year, at what rate, from how many, how many drawn, with which seed. */
@Entity
@Table(name = "goal_sample_draw")
public class GoalSampleDraw {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private int budgetYear;

  @Column(nullable = false, updatable = false)
  private int samplingPercent;

  @Column(nullable = false, updatable = false)
  private int population;

  @Column(nullable = false, updatable = false)
  private int drawn;

  @Column(nullable = false, updatable = false)
  private long seed;

  @Column(nullable = false, updatable = false)
  private String drawnBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime drawnAt;

  protected GoalSampleDraw() {}

  GoalSampleDraw(String district, int budgetYear, int samplingPercent, int population, int drawn, long seed,
      String drawnBy, OffsetDateTime drawnAt) {
    this.district = district;
    this.budgetYear = budgetYear;
    this.samplingPercent = samplingPercent;
    this.population = population;
    this.drawn = drawn;
    this.seed = seed;
    this.drawnBy = drawnBy;
    this.drawnAt = drawnAt;
  }

  public Long getId() {
    return id;
  }
}
