package org.jixiao.goal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.InstanceAccess;
import org.jixiao.identity.Role;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adjusting approved goals during execution (执行中调整): requested by the unit, registered as a new version,
 * re-approved or refused by finance; the approved version stays in force until then.
 */
@Service
public class GoalAdjustments {

  private final GoalSetRepository sets;
  private final RuntimeService runtimeService;
  private final InstanceAccess instanceAccess;
  private final GoalRules rules;
  private final ObjectMapper json;
  private final CallerLookup callers;
  private final GoalRecords records;

  GoalAdjustments(GoalSetRepository sets, RuntimeService runtimeService, InstanceAccess instanceAccess,
      GoalRules rules, ObjectMapper json, CallerLookup callers, GoalRecords records) {
    this.sets = sets;
    this.runtimeService = runtimeService;
    this.instanceAccess = instanceAccess;
    this.rules = rules;
    this.json = json;
    this.callers = callers;
    this.records = records;
  }

  /**
   * A unit asks over the API to change its approved goals during execution: checked here (so that a refusal
   * answers 403/409/400 before anything starts), then {@code Process_GoalAdjustment} starts as if from
   * Tasklist's start form, and its first step registers the request ({@link #registerAdjustment}).
   */
  @Transactional
  public GoalSetView requestAdjustment(String code, AdjustmentRequest request, Caller caller) {
    GoalSet set = sets.findByCode(code).orElseThrow(() -> ApiException.notFound("绩效目标不存在：" + code));
    GoalRecords.mayDraft(caller, set.getDistrict(), set.getDepartment());
    rules.check(request.goals());
    set.checkAdjustment(request.goals());
    Map<String, Object> variables = new HashMap<>();
    variables.put(GoalReviewProcess.VAR_GOAL_SET_CODE, set.getCode());
    variables.put(GoalReviewProcess.VAR_GOAL_DRAFT, SpinValues.jsonValue(toJson(request.goals())).create());
    variables.put(GoalReviewProcess.VAR_ADJUSTMENT_REASON, request.reason());
    variables.put(GoalReviewProcess.VAR_APPLICANT, caller.userId());
    runtimeService.createProcessInstanceByKey(GoalReviewProcess.ADJUSTMENT_KEY)
        .processDefinitionTenantId(set.getDistrict())
        .businessKey(set.getCode())
        .setVariables(variables)
        .execute();
    return records.view(set);
  }

  /**
   * 登记调整申请 (the adjustment process's first step, however it was started): the applicant must be the
   * goal set's budget unit, the goals approved, the new goals keep the rules and a reason is given; the
   * request becomes a new version (执行中调整). Returns the variables the process goes on with.
   */
  @Transactional
  public Map<String, Object> registerAdjustment(String code, GoalDraft draft, String reason, String applicant,
      String processInstanceId) {
    if (code == null || code.isBlank()) {
      throw new InvalidInputException("请选择要调整的绩效目标");
    }
    GoalSet set = sets.findByCode(code.strip()).orElseThrow(() -> new InvalidInputException("绩效目标不存在：" + code));
    GoalRecords.mayDraft(callers.of(applicant), set.getDistrict(), set.getDepartment());
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw new InvalidInputException("请说明调整绩效目标的原因（不超过 1000 个字）");
    }
    rules.check(GoalReviews.required(draft));
    GoalVersion version = set.requestAdjustment(draft, why, applicant, OffsetDateTime.now());
    records.record(set, version.getNumber(), new GoalOpinion("Request_GoalAdjustment", "申请调整绩效目标", applicant,
        Role.BUDGET_UNIT.groupId(), ReviewDecision.REQUEST_ADJUSTMENT, why));
    instanceAccess.letDepartmentFollow(processInstanceId, set.getDepartment());
    Map<String, Object> variables = new HashMap<>();
    variables.put(GoalReviewProcess.VAR_GOAL_SET_CODE, set.getCode());
    variables.put(GoalReviewProcess.VAR_PROJECT_CODE, records.projectCodeOf(set));
    variables.put(GoalReviewProcess.VAR_DEPARTMENT_GROUP, set.getDepartment());
    variables.put(GoalReviewProcess.VAR_BUDGET_YEAR, set.getBudgetYear());
    variables.put(GoalReviewProcess.VAR_ADJUSTMENT_VERSION, version.getNumber());
    return variables;
  }

  /** The caller's department's approved goal sets: what a unit may ask to adjust. */
  @Transactional(readOnly = true)
  public List<GoalSetView> adjustable(Caller caller) {
    return records.views(sets.findByDepartmentInAndStatusOrderByCodeAsc(caller.departments(), GoalSetStatus.APPROVED)
        .stream().filter(s -> caller.worksIn(s.getDistrict())).toList());
  }

  /** 重新审定批复: the adjustment becomes the approved version; the one before stays in the history. */
  @Transactional
  public void approveAdjustment(String code) {
    GoalSet set = sets.require(code);
    set.approveLatest(records.lastReviewer(set), OffsetDateTime.now());
  }

  /** 不予调整: the approved version stays in force. */
  @Transactional
  public void refuseAdjustment(String code) {
    GoalSet set = sets.require(code);
    set.refuseAdjustment(records.lastReviewer(set), OffsetDateTime.now());
  }

  private String toJson(GoalDraft draft) {
    try {
      return json.writeValueAsString(draft);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("goals that passed the rules could not be written as JSON", e);
    }
  }
}
