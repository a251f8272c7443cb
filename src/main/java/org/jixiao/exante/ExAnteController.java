package org.jixiao.exante;

import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectView;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ex-ante assessment's own actions on a project of the library. */
@RestController
@RequestMapping("/api/projects")
class ExAnteController {

  private final ExAnteAssessmentService assessments;
  private final ProjectService projects;
  private final CallerLookup callers;

  ExAnteController(ExAnteAssessmentService assessments, ProjectService projects, CallerLookup callers) {
    this.assessments = assessments;
    this.projects = projects;
    this.callers = callers;
  }

  /** 撤回: the applying department, before the first reviewer claims the application. */
  @PostMapping("/{code}/withdraw")
  ProjectView withdraw(@PathVariable String code) {
    assessments.withdraw(code, callers.current());
    return projects.find(code, callers.current());
  }
}
