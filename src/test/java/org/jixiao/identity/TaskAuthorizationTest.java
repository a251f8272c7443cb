package org.jixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.project.Applications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's Java API with authorization on: who sees and works which task. The demo profile gives every
 * district two budget units (education and health departments) and a user for every role.
 */
@PlatformTest
class TaskAuthorizationTest {

  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired Applications applications;
  @Autowired CallerLookup callers;

  Task reviseTask;
  Task reviewTask;

  @BeforeEach
  void qijiangEducationHasAReturnedProjectAndAnotherAwaitingReview() {
    reviseTask = applications.returnedForRevision("校舍维修项目");
    reviewTask = applications.awaitingReview("课后服务项目");
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void theDepartmentThatAppliedSeesAndCompletesItsReturnedProject() {
    logIn("qijiang-edu");

    assertThat(visibleTaskIds()).contains(reviseTask.getId()).doesNotContain(reviewTask.getId());
    taskService.claim(reviseTask.getId(), "qijiang-edu");
    taskService.complete(reviseTask.getId(), Map.of(ExAnteProcess.VAR_REVISION_NOTE, "已补充产出指标"));

    identityService.clearAuthentication();
    assertThat(taskService.createTaskQuery().taskId(reviseTask.getId()).count()).isZero();
  }

  @Test
  void anotherDepartmentOfTheSameDistrictNeitherSeesNorCompletesIt() {
    logIn("qijiang-health");

    assertThat(visibleTaskIds()).doesNotContain(reviseTask.getId(), reviewTask.getId());
    assertThatThrownBy(() -> taskService.complete(reviseTask.getId()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.claim(reviseTask.getId(), "qijiang-health"))
        .isInstanceOf(AuthorizationException.class);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(reviseTask.getProcessInstanceId()).count())
        .as("nor its process instance").isZero();
  }

  @Test
  void aBudgetUnitOfTheSameDepartmentInAnotherDistrictNeitherSeesNorCompletesIt() {
    logIn("enyang-edu");

    assertThat(visibleTaskIds()).doesNotContain(reviseTask.getId(), reviewTask.getId());
    assertThatThrownBy(() -> taskService.complete(reviseTask.getId()))
        .isInstanceOf(ProcessEngineException.class);
    identityService.clearAuthentication();
    assertThat(taskService.createTaskQuery().taskId(reviseTask.getId()).count()).as("still open").isOne();
  }

  @Test
  void theSupervisingDepartmentOfTheDistrictReviewsButDoesNotReviseForTheUnit() {
    logIn("qijiang-supervisor");

    assertThat(visibleTaskIds()).contains(reviewTask.getId()).doesNotContain(reviseTask.getId());
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(reviseTask.getProcessInstanceId()).count())
        .as("a reviewer follows every instance of the district").isOne();
    assertThatThrownBy(() -> taskService.complete(reviseTask.getId()))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theSupervisingDepartmentOfAnotherDistrictSeesNothingOfQijiang() {
    logIn("enyang-supervisor");

    assertThat(visibleTaskIds()).doesNotContain(reviewTask.getId(), reviseTask.getId());
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(reviewTask.getProcessInstanceId()).count()).isZero();
    assertThatThrownBy(() -> taskService.complete(reviewTask.getId(),
        Map.of(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE")))
        .isInstanceOf(ProcessEngineException.class);
  }

  private List<String> visibleTaskIds() {
    return taskService.createTaskQuery().list().stream().map(Task::getId).toList();
  }

  private void logIn(String userId) {
    Caller caller = callers.of(userId);
    identityService.setAuthentication(userId, List.copyOf(caller.groupIds()), List.copyOf(caller.districts()));
  }
}
