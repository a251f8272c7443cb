package org.jixiao.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.district.District;
import org.jixiao.district.ModelLibrary;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.Departments;
import org.jixiao.identity.PasswordRules;
import org.jixiao.goal.GoalReviewProcess;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.BudgetStage;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.project.FundSource;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.jixiao.stage.ReviewDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

/**
 * The demo profile: per district its department tree (two 主管部门 with two 所属单位 each), a user for every role
 * and unit, a supervisor per 主管部门, and five
 * projects (awaiting review, returned for revision, listed with its goals to draft, a major one, and one
 * whose goals are under or through review), so every role finds work in Tasklist. Idempotent: a restart
 * adds nothing that exists.
 */
@Configuration
@Profile("demo")
class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  @Bean
  @Order(40)
  ApplicationRunner createDemoData(ModelLibrary library, IdentityService identityService, TaskService taskService,
      ProjectService projects, CallerLookup callers, Departments departments,
      @Value("${jixiao.demo.password}") String password) {
    return args -> {
      List<District> districts = library.districts();
      for (int i = 0; i < districts.size(); i++) {
        District district = districts.get(i);
        for (DemoUsers.Department department : DemoUsers.departments(district)) {
          departments.ensure(new Departments.NewDepartment(district.id(), department.code(), department.name(),
              department.kind(), department.parentCode(), department.id()));
        }
        for (DemoUsers.DemoUser user : DemoUsers.of(district, i)) {
          ensureUser(identityService, district, user, password);
        }
        createProjects(district, identityService, taskService, projects, callers);
      }
      log.info("演示数据已就绪：{} 个辖区，密码均为 {}", districts.size(), password);
    };
  }

  /** The user with their role, department and district; memberships added to a user of before (the tree). */
  private static void ensureUser(IdentityService identity, District district, DemoUsers.DemoUser u, String password) {
    if (identity.createUserQuery().userId(u.id()).count() == 0) {
      User user = identity.newUser(u.id());
      user.setFirstName(u.name());
      user.setLastName(u.title());
      user.setEmail(u.id() + "@demo.jixiao.local");
      user.setPassword(password);
      // the documented demo password, below the password policy: the demo profile only
      PasswordRules.saveIgnoringPolicy(identity, user);
    }
    ensureMembership(identity, u.id(), u.role().groupId());
    if (u.department() != null) {
      ensureMembership(identity, u.id(), u.department().id());
    }
    if (identity.createTenantQuery().tenantId(district.id()).userMember(u.id()).count() == 0) {
      identity.createTenantUserMembership(district.id(), u.id());
    }
  }

  private static void ensureMembership(IdentityService identity, String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  /**
   * Five projects per district: 001 waits at its first step (self-assessment or the supervisor's review,
   * as the district's rules say), 002 is returned to the health unit by its 主管部门 (卫生健康委员会), 003 is below
   * every threshold and listed at once (its goals wait to be drafted), 004 is a new department project of 35
   * million (Jilin's joint review), 005 is listed at once and its goals go through review.
   */
  private static void createProjects(District district, IdentityService identity, TaskService tasks,
      ProjectService projects, CallerLookup callers) {
    String d = district.id();
    String education = d + "-education";
    String health = d + "-health";
    apply(projects, callers, d + "-edu", ApplyProjectRequest.of(d.toUpperCase() + "-2026-001",
        "义务教育薄弱学校改善项目", d, education, ItemType.GENERAL_POLICY, new BigDecimal("6800000.00"), true));
    String returned = d.toUpperCase() + "-2026-002";
    if (apply(projects, callers, d + "-health", ApplyProjectRequest.of(returned,
        "基层医疗卫生机构能力提升项目", d, health, ItemType.SPECIAL_POLICY, new BigDecimal("32000000.00"), true))) {
      complete(identity, tasks, callers.of(d + "-health"), returned, ExAnteProcess.TASK_SELF_ASSESS, Map.of(
          "scoreNecessity", 90, "scoreEconomy", 80, "scoreGoalReasonableness", 70, "scoreFeasibility", 85,
          "scoreFinancingCompliance", 90, ExAnteProcess.VAR_ASSESSMENT_CONCLUSION, "立项必要，方案基本可行"));
      complete(identity, tasks, callers.of(d + "-supervisor-health"), returned, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR,
          Map.of(ExAnteProcess.VAR_REVIEW_DECISION, ReviewDecision.RETURN.name(),
              ExAnteProcess.VAR_REVIEW_COMMENT, "绩效目标不够具体，请补充可量化的产出指标。"));
    }
    apply(projects, callers, d + "-edu", new ApplyProjectRequest(d.toUpperCase() + "-2026-003",
        "中小学教师培训项目", d, education, ItemType.DEPARTMENT_PROJECT, BudgetStage.ANNUAL, new BigDecimal("450000.00"),
        false, FundSource.GENERAL_PUBLIC_BUDGET, 1, null, DEMO_YEAR, "TRAINING"));
    apply(projects, callers, d + "-health", ApplyProjectRequest.of(d.toUpperCase() + "-2026-004",
        "区域医疗中心建设项目", d, health, ItemType.DEPARTMENT_PROJECT, new BigDecimal("35000000.00"), true));
    String itOperations = d.toUpperCase() + "-2026-005";
    if (apply(projects, callers, d + "-edu", new ApplyProjectRequest(itOperations, "教育信息化系统运维项目", d,
        education, ItemType.DEPARTMENT_PROJECT, BudgetStage.ANNUAL, new BigDecimal("380000.00"), false,
        FundSource.GENERAL_PUBLIC_BUDGET, 1, null, DEMO_YEAR, "IT_OPERATIONS"))) {
      reviewGoals(identity, tasks, callers, d, itOperations + "-" + DEMO_YEAR);
    }
  }

  /**
   * 005's goals are drafted, pass the supervisor's first review, and reach finance: Jilin sends its opinions
   * back (一下) and the unit has the revision (二上) to do; elsewhere finance approves them (Chongqing's then
   * wait for the 抽审 draw).
   */
  private static void reviewGoals(IdentityService identity, TaskService tasks, CallerLookup callers, String d,
      String goalSet) {
    complete(identity, tasks, callers.of(d + "-edu"), goalSet, GoalReviewProcess.TASK_DRAFT_GOALS,
        Map.of(GoalReviewProcess.VAR_GOAL_DRAFT, IT_OPERATIONS_GOALS));
    complete(identity, tasks, callers.of(d + "-supervisor"), goalSet, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR,
        Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, ReviewDecision.APPROVE.name(),
            GoalReviewProcess.VAR_REVIEW_COMMENT, "目标与部门职责相符，同意报送财政。"));
    complete(identity, tasks, callers.of(d + "-perf"), goalSet, GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS,
        Map.of(GoalReviewProcess.VAR_REVIEW_COMMENT, "系统可用率目标偏低，请对标全省教育信息化考核要求，并补充可持续影响指标。"));
    complete(identity, tasks, callers.of(d + "-perf"), goalSet, GoalReviewProcess.TASK_REVIEW_BY_FINANCE,
        Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, ReviewDecision.APPROVE.name(),
            GoalReviewProcess.VAR_REVIEW_COMMENT, "同意，随部门预算批复。"));
  }

  private static final int DEMO_YEAR = 2027;

  private static final String IT_OPERATIONS_GOALS = """
      {"overallGoal": "保障全区教育信息化系统稳定运行，支撑线上教学和教育管理",
       "indicators": [
         {"level2": "QUANTITY", "name": "运维系统数量", "comparator": "GE", "targetValue": 12, "unit": "个", "weight": 20},
         {"level2": "QUALITY", "name": "系统可用率", "comparator": "GE", "targetValue": 99, "unit": "%", "weight": 25},
         {"level2": "TIMELINESS", "name": "故障响应时间", "comparator": "LE", "targetValue": 2, "unit": "小时", "weight": 15},
         {"level2": "SOCIAL", "name": "线上教学保障", "comparator": "QUALITATIVE", "targetText": "全年无重大中断", "weight": 25},
         {"level2": "SERVICE_SATISFACTION", "name": "师生满意度", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 15}
       ]}""";

  private static boolean apply(ProjectService projects, CallerLookup callers, String userId,
      ApplyProjectRequest request) {
    if (projects.exists(request.code())) {
      return false;
    }
    projects.apply(request, callers.of(userId));
    return true;
  }

  /** The user claims and completes the project's task at that step, if it waits there, as in Tasklist. */
  static void complete(IdentityService identity, TaskService tasks, Caller user, String code,
      String step, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(step).singleResult();
    if (task == null) {
      return;
    }
    identity.setAuthentication(user.userId(), List.copyOf(user.groupIds()), List.copyOf(user.districts()));
    try {
      tasks.claim(task.getId(), user.userId());
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }
}
