package org.jixiao.monitoring;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One 现场核查 draw (随机抽取) for a district's round: the share, from how many, how many, the seed, which projects. */
@Entity
@Table(name = "on_site_check_draw")
public class OnSiteCheckDraw {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private int budgetYear;

  @Column(nullable = false, updatable = false)
  private int roundNo;

  @Column(nullable = false, updatable = false)
  private int percent;

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

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "on_site_check_draw_project", joinColumns = @JoinColumn(name = "draw_id"))
  @Column(name = "project_code", nullable = false)
  private List<String> drawnCodes = new ArrayList<>();

  protected OnSiteCheckDraw() {}

  OnSiteCheckDraw(String district, int budgetYear, int roundNo, int percent, int population, List<String> drawnCodes,
      long seed, String drawnBy, OffsetDateTime drawnAt) {
    this.district = district;
    this.budgetYear = budgetYear;
    this.roundNo = roundNo;
    this.percent = percent;
    this.population = population;
    this.drawn = drawnCodes.size();
    this.drawnCodes = new ArrayList<>(drawnCodes);
    this.seed = seed;
    this.drawnBy = drawnBy;
    this.drawnAt = drawnAt;
  }

  public Long getId() {
    return id;
  }

  public String getDistrict() {
    return district;
  }

  public int getBudgetYear() {
    return budgetYear;
  }

  public int getRoundNo() {
    return roundNo;
  }

  public int getPercent() {
    return percent;
  }

  public int getPopulation() {
    return population;
  }

  public int getDrawn() {
    return drawn;
  }

  public long getSeed() {
    return seed;
  }

  public String getDrawnBy() {
    return drawnBy;
  }

  public OffsetDateTime getDrawnAt() {
    return drawnAt;
  }

  public List<String> getDrawnCodes() {
    return drawnCodes.stream().sorted().toList();
  }
}
