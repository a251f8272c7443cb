package org.jixiao.monitoring;

import java.net.URI;
import java.util.List;
import org.jixiao.identity.CallerLookup;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 现场核查随机抽取 over HTTP: draw for a district's round, list a year's draws. */
@RestController
class OnSiteCheckController {

  private final OnSiteChecks checks;
  private final CallerLookup callers;

  OnSiteCheckController(OnSiteChecks checks, CallerLookup callers) {
    this.checks = checks;
    this.callers = callers;
  }

  @PostMapping("/api/monitoring/on-site-checks")
  ResponseEntity<OnSiteChecks.DrawView> draw(@RequestBody OnSiteChecks.DrawRequest request) {
    OnSiteChecks.DrawView view = checks.draw(request, callers.current());
    return ResponseEntity.created(URI.create("/api/monitoring/on-site-checks?district=" + view.district() + "&year="
        + view.budgetYear())).body(view);
  }

  @GetMapping("/api/monitoring/on-site-checks")
  List<OnSiteChecks.DrawView> draws(@RequestParam String district, @RequestParam int year) {
    return checks.draws(district, year, callers.current());
  }
}
