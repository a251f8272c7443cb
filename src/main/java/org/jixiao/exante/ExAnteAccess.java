package org.jixiao.exante;

import org.jixiao.identity.StageAccess;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The ex-ante assessment's part of the access model: a Tasklist filter of the assessment work a user may take. */
@Component
@Order(15)
class ExAnteAccess implements StageAccess {

  @Override
  public void contribute(Grants grants) {
    grants.workFilter("事前评估待办", "事前绩效评估与入库中我可办理的事项", 20, ExAnteProcess.KEY);
  }
}
