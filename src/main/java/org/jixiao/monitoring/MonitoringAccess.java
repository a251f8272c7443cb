package org.jixiao.monitoring;

import org.jixiao.identity.StageAccess;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Execution monitoring's part of the access model: cards show the round; a filter lists the monitoring work. */
@Component
@Order(30)
class MonitoringAccess implements StageAccess {

  @Override
  public void contribute(Grants grants) {
    grants.cardVariable(MonitoringProcess.VAR_ROUND_NO, "监控轮次");
    grants.workFilter("运行监控待办", "运行监控填报、纠偏计划、财政审核与红灯处置中我可办理的事项", 40, MonitoringProcess.KEY);
  }
}
