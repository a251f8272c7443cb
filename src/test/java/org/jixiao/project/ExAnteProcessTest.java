package org.jixiao.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jixiao.PlatformTest;
import org.jixiao.identity.CallerLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Walks every path of the shared ex-ante process in every shipped district, through the domain service. */
@PlatformTest
class ExAnteProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @ParameterizedTest
  @ValueSource(strings = {"qijiang", "enyang", "jilin", "chongqing", "gaomi"})
  void approvedApplicationIsListed(String district) {
    ProcessInstance instance = apply(district, "LIST");

    assertThat(instance.getTenantId()).isEqualTo(district);
    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REVIEW_APPLICATION)
        .hasBusinessKey(instance.getBusinessKey())
        .variables().containsEntry(ExAnteProcess.VAR_DEPARTMENT_GROUP, district + "-education")
        .containsEntry(ExAnteProcess.VAR_APPLICANT, district + "-edu");
    assertThat(task(instance)).hasCandidateGroup("supervisingDepartment").hasName("审核项目申报");

    complete(task(instance), withVariables(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE",
        ExAnteProcess.VAR_REVIEW_COMMENT, "同意入库"));

    assertThat(instance).hasPassed(ExAnteProcess.TASK_LIST_PROJECT)
        .hasNotPassed(ExAnteProcess.TASK_REVISE_APPLICATION, ExAnteProcess.TASK_REJECT_PROJECT)
        .isEnded();
    assertThat(instance).hasPassed(ExAnteProcess.END_PROJECT_LISTED);
    ProjectView project = projects.find(instance.getBusinessKey(), callers.of(district + "-edu"));
    assertThat(project.status()).isEqualTo(ProjectStatus.LISTED);
    assertThat(project.opinions()).singleElement().satisfies(o -> {
      assertThat(o.decision()).isEqualTo(ReviewDecision.APPROVE);
      assertThat(o.reviewerRole()).isEqualTo("supervisingDepartment");
      assertThat(o.comment()).isEqualTo("同意入库");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"qijiang", "gaomi"})
  void returnedApplicationGoesBackToItsDepartmentAndIsReviewedAgain(String district) {
    ProcessInstance instance = apply(district, "RETURN");

    complete(task(instance), withVariables(ExAnteProcess.VAR_REVIEW_DECISION, "RETURN",
        ExAnteProcess.VAR_REVIEW_COMMENT, "请补充绩效目标"));

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REVISE_APPLICATION);
    assertThat(task(instance)).hasCandidateGroup(district + "-education").hasName("修改申报材料");
    assertThat(projects.find(instance.getBusinessKey(), callers.of(district + "-edu")).status())
        .isEqualTo(ProjectStatus.RETURNED);

    complete(task(instance), withVariables(ExAnteProcess.VAR_REVISION_NOTE, "已补充"));

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REVIEW_APPLICATION);
    assertThat(projects.find(instance.getBusinessKey(), callers.of(district + "-edu")).status())
        .isEqualTo(ProjectStatus.SUBMITTED);

    complete(task(instance), withVariables(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE"));

    assertThat(instance).hasPassed(ExAnteProcess.TASK_REVISE_APPLICATION, ExAnteProcess.END_PROJECT_LISTED)
        .isEnded();
    ProjectView project = projects.find(instance.getBusinessKey(), callers.of(district + "-edu"));
    assertThat(project.opinions()).extracting(ProjectView.OpinionView::step, ProjectView.OpinionView::decision,
            ProjectView.OpinionView::reviewerRole, ProjectView.OpinionView::comment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_REVIEW_APPLICATION, ReviewDecision.RETURN,
                "supervisingDepartment", "请补充绩效目标"),
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_REVISE_APPLICATION, ReviewDecision.RESUBMIT,
                "budgetUnit", "已补充"),
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_REVIEW_APPLICATION, ReviewDecision.APPROVE,
                "supervisingDepartment", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"enyang", "jilin"})
  void rejectedApplicationIsNotListed(String district) {
    ProcessInstance instance = apply(district, "REJECT");

    complete(task(instance), withVariables(ExAnteProcess.VAR_REVIEW_DECISION, "REJECT",
        ExAnteProcess.VAR_REVIEW_COMMENT, "不符合支持方向"));

    assertThat(instance).hasPassed(ExAnteProcess.TASK_REJECT_PROJECT, ExAnteProcess.END_PROJECT_REJECTED)
        .hasNotPassed(ExAnteProcess.TASK_LIST_PROJECT).isEnded();
    assertThat(projects.find(instance.getBusinessKey(), callers.of(district + "-edu")).status())
        .isEqualTo(ProjectStatus.REJECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"chongqing"})
  void aReviewWithoutADecisionIsRefusedAndTheTaskStaysOpen(String district) {
    ProcessInstance instance = apply(district, "NODECISION");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(instance)))
        .hasMessageContaining("请选择审核结论");

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REVIEW_APPLICATION);
    assertThat(projects.find(instance.getBusinessKey(), callers.of(district + "-edu")).opinions()).isEmpty();
  }

  private ProcessInstance apply(String district, String tag) {
    String code = district.toUpperCase() + "-" + tag + "-" + System.nanoTime();
    ProjectView project = projects.apply(ApplyProjectRequest.of(code, "测试项目", district,
        district + "-education", ItemType.DEPARTMENT_PROJECT, new BigDecimal("5000000.00"), false), callers.of(district + "-edu"));
    return runtimeService.createProcessInstanceQuery().processInstanceId(project.processInstanceId()).singleResult();
  }
}
