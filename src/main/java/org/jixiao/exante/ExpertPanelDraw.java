package org.jixiao.exante;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One expert panel composed for a project's 专家论证 round: chosen by finance or drawn with a recorded seed; the
 * experts it was drawn from (the eligible pool, sorted), those left out for their affiliation, and the panel in
 * seat order. Never changed: a new round is a new record.
 */
@Entity
@Table(name = "expert_panel_draw")
public class ExpertPanelDraw {

  /** How finance composed the panel. */
  public enum Mode { CHOOSE, DRAW }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String projectCode;

  @Column(nullable = false, updatable = false)
  private String district;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Mode mode;

  @Column(nullable = false, updatable = false)
  private int panelSize;

  @Column(updatable = false)
  private Long seed;

  @Column(nullable = false, updatable = false)
  private String eligible;

  @Column(nullable = false, updatable = false)
  private String excluded;

  @Column(nullable = false, updatable = false)
  private String panel;

  @Column(nullable = false, updatable = false)
  private String drawnBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime drawnAt;

  protected ExpertPanelDraw() {}

  ExpertPanelDraw(String projectCode, String district, Mode mode, int panelSize, Long seed, List<String> eligible,
      List<String> excluded, List<String> panel, String drawnBy, OffsetDateTime drawnAt) {
    this.projectCode = projectCode;
    this.district = district;
    this.mode = mode;
    this.panelSize = panelSize;
    this.seed = seed;
    this.eligible = String.join(",", eligible);
    this.excluded = String.join(",", excluded);
    this.panel = String.join(",", panel);
    this.drawnBy = drawnBy;
    this.drawnAt = drawnAt;
  }

  public Long getId() {
    return id;
  }

  public String getProjectCode() {
    return projectCode;
  }

  public String getDistrict() {
    return district;
  }

  public Mode getMode() {
    return mode;
  }

  public int getPanelSize() {
    return panelSize;
  }

  public Long getSeed() {
    return seed;
  }

  public List<String> getEligible() {
    return split(eligible);
  }

  public List<String> getExcluded() {
    return split(excluded);
  }

  public List<String> getPanel() {
    return split(panel);
  }

  public String getDrawnBy() {
    return drawnBy;
  }

  public OffsetDateTime getDrawnAt() {
    return drawnAt;
  }

  private static List<String> split(String ids) {
    return ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
  }
}
