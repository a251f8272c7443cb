package org.jixiao.project;

import jakarta.validation.Valid;
import java.net.URI;
import org.jixiao.identity.CallerLookup;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
class ProjectController {

  private final ProjectService projects;
  private final CallerLookup callers;

  ProjectController(ProjectService projects, CallerLookup callers) {
    this.projects = projects;
    this.callers = callers;
  }

  @PostMapping
  ResponseEntity<ProjectView> apply(@Valid @RequestBody ApplyProjectRequest request) {
    ProjectView project = projects.apply(request, callers.current());
    return ResponseEntity.created(URI.create("/api/projects/" + project.code())).body(project);
  }

  @GetMapping("/{code}")
  ProjectView find(@PathVariable String code) {
    return projects.find(code, callers.current());
  }

  /** The funding gate: may the project be budgeted, procured, paid — and if not, why not. */
  @GetMapping("/{code}/funding-eligibility")
  FundingEligibility fundingEligibility(@PathVariable String code) {
    return projects.fundingEligibility(code, callers.current());
  }
}
