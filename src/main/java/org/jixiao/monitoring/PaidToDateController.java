package org.jixiao.monitoring;

import org.jixiao.identity.CallerLookup;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A report's paid-to-date figure: read it with its corrections; the project's own unit corrects it with a reason. */
@RestController
class PaidToDateController {

  private final PaidToDateCorrections corrections;
  private final CallerLookup callers;

  PaidToDateController(PaidToDateCorrections corrections, CallerLookup callers) {
    this.corrections = corrections;
    this.callers = callers;
  }

  @GetMapping("/api/monitoring/reports/{id}/paid-to-date")
  PaidToDateCorrections.FigureView figure(@PathVariable Long id) {
    return corrections.figure(id, callers.current());
  }

  @PutMapping("/api/monitoring/reports/{id}/paid-to-date")
  PaidToDateCorrections.FigureView correct(@PathVariable Long id, @RequestBody PaidToDateCorrections.Request request) {
    return corrections.correct(id, request, callers.current());
  }
}
