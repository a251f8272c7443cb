package org.jixiao.tasklist;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectView;
import org.jixiao.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Tasklist's own scripts and the application form read: the user ({@code /api/me}), their completed tasks
 * (我已办理) and applications (我发起的), and the steps an item is waiting at now (after 提交: 已提交，下一步 …).
 * Each answer holds only what the caller did or may read; anything else answers 404 as if it did not exist.
 */
@RestController
class TasklistController {

  static final String NOT_FOUND = "事项不存在";

  private final CallerLookup callers;
  private final IdentityService identityService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final ProjectService projects;
  private final IdentityNames names;

  TasklistController(CallerLookup callers, IdentityService identityService, HistoryService historyService,
      TaskService taskService, RepositoryService repositoryService, ProjectService projects) {
    this.callers = callers;
    this.identityService = identityService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.projects = projects;
    this.names = new IdentityNames(identityService);
  }

  record Named(String id, String name) {}

  record Me(String userId, String name, List<Named> districts, List<Named> departments, List<Named> roles,
      boolean administrator) {}

  /** The user of the session: their districts and departments with names, and their roles. */
  @GetMapping("/api/me")
  Me me() {
    Caller caller = callers.current();
    return new Me(caller.userId(), names.user(caller.userId()),
        caller.districts().stream().map(d -> new Named(d, names.district(d))).toList(),
        caller.departments().stream().map(d -> new Named(d, names.group(d))).toList(),
        caller.groupIds().stream().flatMap(g -> Role.ofGroup(g).stream()).map(r -> new Named(r.groupId(), r.chineseName())).toList(),
        caller.isAdministrator());
  }

  record Application(String code, String name, String district, String districtName, int budgetYear,
      java.math.BigDecimal amount, String status, String statusLabel) {}

  /** 我发起的: the projects the user applied for, newest first. */
  @GetMapping("/api/me/applications")
  List<Application> applications() {
    return projects.appliedBy(callers.current()).stream().map(p -> new Application(p.code(), p.name(), p.district(),
        names.district(p.district()), p.budgetYear(), p.budgetAmount(), p.status().name(), p.status().label())).toList();
  }

  record DoneTask(String taskId, String name, String processName, String projectCode, String projectName,
      String districtName, OffsetDateTime started, OffsetDateTime ended) {}

  /** 我已办理: the last 100 tasks the user completed (claimed and finished), newest first. */
  @GetMapping("/api/me/completed-tasks")
  List<DoneTask> completedTasks() {
    Caller caller = callers.current();
    List<HistoricTaskInstance> done = historyService.createHistoricTaskInstanceQuery().taskAssignee(caller.userId())
        .finished().taskDeleteReason("completed").orderByHistoricTaskInstanceEndTime().desc().listPage(0, 100);
    Map<String, Map<String, Object>> display = displayVariables(done.stream().map(HistoricTaskInstance::getProcessInstanceId)
        .filter(java.util.Objects::nonNull).distinct().toList());
    Map<String, String> processNames = new HashMap<>();
    return done.stream().map(t -> {
      Map<String, Object> vars = display.getOrDefault(t.getProcessInstanceId(), Map.of());
      return new DoneTask(t.getId(), t.getName(), t.getProcessDefinitionId() == null ? null
          : processNames.computeIfAbsent(t.getProcessDefinitionId(), this::processName),
          (String) vars.get(ProjectService.VAR_PROJECT_CODE), (String) vars.get(ProjectService.VAR_PROJECT_NAME),
          t.getTenantId() == null ? null : names.district(t.getTenantId()), time(t.getStartTime()), time(t.getEndTime()));
    }).toList();
  }

  record Step(String taskName, String processName, String stageName, List<String> candidates, String assignee,
      OffsetDateTime due) {}

  record NextSteps(String message, List<Step> steps) {}

  /**
   * Where an item went: the open tasks of the chain the task (which the caller completed) or the project (which the
   * caller may read) belongs to, with who may take them.
   */
  @GetMapping("/api/tasklist/next-steps")
  NextSteps nextSteps(@RequestParam(required = false) String taskId, @RequestParam(required = false) String projectCode) {
    Caller caller = callers.current();
    String root;
    if (taskId != null) {
      HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      boolean own = task != null && (caller.isAdministrator() || caller.userId().equals(task.getAssignee()));
      if (!own || task.getRootProcessInstanceId() == null) {
        throw ApiException.notFound(NOT_FOUND);
      }
      root = task.getRootProcessInstanceId();
    } else if (projectCode != null) {
      ProjectView project = projects.find(projectCode, caller); // 404 for what the caller may not read
      if (project.processInstanceId() == null) {
        throw ApiException.notFound(NOT_FOUND);
      }
      root = historyService.createHistoricProcessInstanceQuery().processInstanceId(project.processInstanceId())
          .singleResult().getRootProcessInstanceId();
    } else {
      throw ApiException.badRequest("请给出事项编号（taskId）或项目编码（projectCode）");
    }
    List<String> instances = historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).unfinished()
        .list().stream().map(HistoricProcessInstance::getId).toList();
    List<Task> open = instances.isEmpty() ? List.of()
        : taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).orderByTaskCreateTime().asc().list();
    Map<String, Map<String, Object>> stageNames = stageNames(instances);
    List<Step> steps = new ArrayList<>();
    for (Task t : open) {
      List<String> candidates = taskService.getIdentityLinksForTask(t.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
          .map(l -> l.getGroupId() != null ? names.group(l.getGroupId()) : names.user(l.getUserId())).toList();
      steps.add(new Step(t.getName(), processName(t.getProcessDefinitionId()),
          (String) stageNames.getOrDefault(t.getProcessInstanceId(), Map.of()).get(ProjectService.VAR_STAGE_NAME),
          candidates, t.getAssignee() == null ? null : names.user(t.getAssignee()), time(t.getDueDate())));
    }
    return new NextSteps(message(steps), steps);
  }

  static String message(List<Step> steps) {
    if (steps.isEmpty()) {
      return "已提交，本事项已办结，暂无待办环节";
    }
    List<String> parts = new ArrayList<>();
    for (Step s : steps) {
      String who = s.assignee() != null ? s.assignee() : String.join("、", s.candidates());
      parts.add((s.stageName() != null ? s.stageName() + " · " : "") + s.taskName() + (who.isEmpty() ? "" : "（" + who + "）"));
    }
    return "已提交，下一步：" + String.join("；", parts);
  }

  private Map<String, Map<String, Object>> displayVariables(Collection<String> processInstanceIds) {
    return variables(processInstanceIds, ProjectService.VAR_PROJECT_CODE, ProjectService.VAR_PROJECT_NAME);
  }

  private Map<String, Map<String, Object>> stageNames(Collection<String> processInstanceIds) {
    return variables(processInstanceIds, ProjectService.VAR_STAGE_NAME);
  }

  private Map<String, Map<String, Object>> variables(Collection<String> processInstanceIds, String... variableNames) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return result;
    }
    List<String> ids = List.copyOf(processInstanceIds);
    for (int from = 0; from < ids.size(); from += 500) {
      for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.subList(from, Math.min(ids.size(), from + 500)).toArray(String[]::new))
          .variableNameIn(variableNames).disableCustomObjectDeserialization().list()) {
        if (v.getValue() != null) {
          result.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).putIfAbsent(v.getName(), v.getValue());
        }
      }
    }
    return result;
  }

  private String processName(String processDefinitionId) {
    ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private static OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
  }
}
