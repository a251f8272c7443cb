package org.jixiao.exante;

import java.util.List;
import org.jixiao.identity.CallerLookup;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 专家库 and 专家组记录: the finance performance section of the district reads them (its 财政再评估 form does). */
@RestController
class ExpertPanelController {

  private final ExpertPanels panels;
  private final CallerLookup callers;

  ExpertPanelController(ExpertPanels panels, CallerLookup callers) {
    this.panels = panels;
    this.callers = callers;
  }

  /** The district's pool; with {@code project}, who may sit on that project's panel and why not. */
  @GetMapping("/api/expert-pool")
  List<ExpertPanels.PoolEntry> pool(@RequestParam String district,
      @RequestParam(required = false) String project) {
    return panels.pool(district, project, callers.current());
  }

  /** Adds an expert of the district to its pool or changes their affiliation, field or activity. */
  @PutMapping("/api/expert-pool/{district}/{userId}")
  ExpertPanels.PoolEntry register(@PathVariable String district, @PathVariable String userId,
      @RequestBody PoolEntryRequest request) {
    return panels.register(district, userId, request.affiliation(), request.field(),
        request.active() == null || request.active(), callers.current());
  }

  /** Every panel recorded for the project (chosen or drawn, with seed, pool and panel). */
  @GetMapping("/api/projects/{code}/expert-panels")
  List<ExpertPanels.DrawView> draws(@PathVariable String code) {
    return panels.draws(code, callers.current());
  }

  record PoolEntryRequest(String affiliation, String field, Boolean active) {}
}
