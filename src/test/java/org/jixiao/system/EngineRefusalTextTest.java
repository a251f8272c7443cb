package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * A refusal raised inside a task listener reaches Tasklist wrapped twice: the engine's "ENGINE-03051 There was an
 * exception while invoking the TaskListener" and the REST layer's "Cannot submit task form …". The answer is our own
 * sentence with its own status, nothing around it.
 */
class EngineRefusalTextTest {

  @Test
  void aServicesRefusalInsideAListenerIsItsOwnSentenceAndStatus() {
    for (ApiException refused : new ApiException[] {ApiException.badRequest("绩效目标的权重合计应为 100"),
        ApiException.conflict("该绩效目标已在调整审核中")}) {
      ProcessEngineException listener = new ProcessEngineException(
          "ENGINE-03051 There was an exception while invoking the TaskListener. Message: '" + refused.getMessage() + "'", refused);
      RestException rest = new RestException(Response.Status.INTERNAL_SERVER_ERROR, listener,
          "Cannot submit task form f43aad30: " + listener.getMessage());

      Response answer = EngineRestConfiguration.refusal(rest);

      assertThat(answer.getStatus()).isEqualTo(refused.status().value());
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) answer.getEntity();
      assertThat(body).containsEntry("message", refused.getMessage()).doesNotContainKey("detail");
    }
  }

  @Test
  void anInvalidInputInsideAListenerIsItsOwnSentence() {
    InvalidInputException refused = new InvalidInputException("请选择审核结论：通过、退回修改、退回上一步或不予通过");
    RestException rest = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener.", refused),
        "Cannot submit task form f43aad30: ENGINE-03051 …");

    Response answer = EngineRestConfiguration.refusal(rest);

    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(answer.getEntity().toString()).contains(refused.getMessage()).doesNotContain("ENGINE-", "Cannot submit");
  }
}
