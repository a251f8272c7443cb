package org.jixiao.goal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.BudgetStage;
import org.jixiao.project.FundSource;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.springframework.stereotype.Component;

/** Test fixture: listed projects whose goal setting is open, valid and invalid drafts, goals moved along the review. */
@Component
public class Goals {

  /** Departments and their budget unit users per district, as the demo profile creates them. */
  static final Map<String, String> UNIT_USER = Map.of("qijiang", "qijiang-edu", "jilin", "jilin-edu",
      "chongqing", "chongqing-edu", "enyang", "enyang-edu", "gaomi", "gaomi-edu");

  private final ProjectService projects;
  private final TaskService taskService;
  private final CallerLookup callers;

  Goals(ProjectService projects, TaskService taskService, CallerLookup callers) {
    this.projects = projects;
    this.taskService = taskService;
    this.callers = callers;
  }

  /**
   * A training project of 100,000 元 for 2027, below every ex-ante threshold, so it is listed at once and its
   * goal setting opens; returns the goal set's code ("G-<district>-<n>-2027").
   */
  public String listedProject(String district) {
    return listedProject(district, 2027);
  }

  /** The same for another budget year: tests that draw 抽审 samples keep their population to themselves. */
  public String listedProject(String district, int budgetYear) {
    String code = "G-" + district + "-" + System.nanoTime();
    projects.apply(new ApplyProjectRequest(code, "业务骨干培训", district, district + "-education",
        ItemType.DEPARTMENT_PROJECT, BudgetStage.ANNUAL, new BigDecimal("100000.00"), false,
        FundSource.GENERAL_PUBLIC_BUDGET, 1, null, budgetYear, "TRAINING"), callers.of(UNIT_USER.get(district)));
    return code + "-" + budgetYear;
  }

  /** The only open task of the goal set's review (not counting adjustments). */
  public Task task(String goalSetCode) {
    return taskService.createTaskQuery().processInstanceBusinessKey(goalSetCode)
        .processDefinitionKey(GoalReviewProcess.KEY).singleResult();
  }

  /** Completes the open task of the goal set with the given variables. */
  public void complete(String goalSetCode, Map<String, Object> variables) {
    taskService.complete(task(goalSetCode).getId(), variables);
  }

  public void submit(String goalSetCode, String draftJson) {
    complete(goalSetCode, Map.of(GoalReviewProcess.VAR_GOAL_DRAFT, draftJson));
  }

  public void decide(String goalSetCode, String decision) {
    complete(goalSetCode, Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, decision,
        GoalReviewProcess.VAR_REVIEW_COMMENT, "意见：" + decision));
  }

  /** Drafted, passed by the supervisor and approved by finance (one finance round). */
  public String approved(String district) {
    return approved(district, 2027);
  }

  public String approved(String district, int budgetYear) {
    String code = listedProject(district, budgetYear);
    submit(code, VALID);
    decide(code, "APPROVE");
    decide(code, "APPROVE");
    return code;
  }

  /** Training goals: two outputs, one effect, one satisfaction indicator, weights 30 + 20 + 30 + 20. */
  static final String VALID = """
      {"overallGoal": "完成全区教师业务骨干培训，提升课堂教学能力",
       "indicators": [
         {"level1": "OUTPUT", "level2": "QUANTITY", "name": "培训人次", "comparator": "GE", "targetValue": 300, "unit": "人次", "weight": 30, "commonIndicatorCode": "TRAINING-01"},
         {"level1": "OUTPUT", "level2": "QUALITY", "name": "培训合格率", "comparator": "GE", "targetValue": 95, "unit": "%", "weight": 20},
         {"level1": "EFFECT", "level2": "SOCIAL", "name": "教学能力提升", "comparator": "QUALITATIVE", "targetText": "明显提升", "weight": 30},
         {"level1": "SATISFACTION", "level2": "SERVICE_SATISFACTION", "name": "参训人员满意度", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 20}
       ]}""";

  /** The same goals revised: more trainees, the quality row dropped, a timeliness row added. */
  static final String REVISED = """
      {"overallGoal": "完成全区教师业务骨干培训，提升课堂教学能力",
       "indicators": [
         {"level1": "OUTPUT", "level2": "QUANTITY", "name": "培训人次", "comparator": "GE", "targetValue": 400, "unit": "人次", "weight": 30, "commonIndicatorCode": "TRAINING-01"},
         {"level1": "OUTPUT", "level2": "TIMELINESS", "name": "培训按期完成率", "comparator": "EQ", "targetValue": 100, "unit": "%", "weight": 20},
         {"level1": "EFFECT", "level2": "SOCIAL", "name": "教学能力提升", "comparator": "QUALITATIVE", "targetText": "明显提升", "weight": 30},
         {"level1": "SATISFACTION", "level2": "SERVICE_SATISFACTION", "name": "参训人员满意度", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 20}
       ]}""";

  /**
   * {@link #VALID}'s goals as a form may send them back untouched: rows in another order, weights with
   * decimals, spaces around the overall goal, the library code dropped. Not a change.
   */
  static final String VALID_REORDERED = """
      {"overallGoal": " 完成全区教师业务骨干培训，提升课堂教学能力 ",
       "indicators": [
         {"level1": "SATISFACTION", "level2": "SERVICE_SATISFACTION", "name": "参训人员满意度", "comparator": "GE", "targetValue": 90.0, "unit": "%", "weight": 20.00},
         {"level1": "EFFECT", "level2": "SOCIAL", "name": "教学能力提升", "comparator": "QUALITATIVE", "targetText": "明显提升", "weight": 30},
         {"level1": "OUTPUT", "level2": "QUALITY", "name": "培训合格率", "comparator": "GE", "targetValue": 95, "unit": "%", "weight": 20},
         {"level1": "OUTPUT", "level2": "QUANTITY", "name": "培训人次", "comparator": "GE", "targetValue": 300, "unit": "人次", "weight": 30.0}
       ]}""";

  /**
   * Valid goals of {@code count} indicators (an even number up to 100), as a department's whole budget has
   * them: half outputs, half effects, weights summing to exactly 100, names long enough that the JSON is far
   * beyond a string variable's 4,000 characters.
   */
  public static String manyIndicators(int count) {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < count; i++) {
      boolean output = i % 2 == 0;
      // weights in hundredths: 10000 spread over the rows, the rest on the first one
      long cents = 10000 / count + (i == 0 ? 10000 % count : 0);
      rows.append(i == 0 ? "" : ",\n").append(String.format(
          "{\"level1\": \"%s\", \"level2\": \"%s\", \"name\": \"%s第%03d项（部门整体支出绩效目标）\","
              + " \"comparator\": \"GE\", \"targetValue\": %d, \"unit\": \"%s\", \"weight\": %d.%02d}",
          output ? "OUTPUT" : "EFFECT", output ? "QUANTITY" : "SOCIAL", output ? "完成年度重点工作任务" : "服务对象受益人数",
          i + 1, 100 + i, output ? "项" : "人", cents / 100, cents % 100));
    }
    return "{\"overallGoal\": \"全面完成部门年度重点工作任务，提升公共服务水平\", \"indicators\": [\n" + rows + "]}";
  }

  static List<String> districts() {
    return List.of("qijiang", "jilin", "chongqing", "enyang", "gaomi");
  }
}
