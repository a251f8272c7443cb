package org.jixiao;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** An instance that has ended, seen through history, for camunda-bpm-assert's process instance assertions. */
public record EndedInstance(HistoricProcessInstance h) implements ProcessInstance {

  @Override public String getProcessDefinitionId() { return h.getProcessDefinitionId(); }
  @Override public String getProcessDefinitionKey() { return h.getProcessDefinitionKey(); }
  @Override public String getBusinessKey() { return h.getBusinessKey(); }
  @Override public String getRootProcessInstanceId() { return h.getRootProcessInstanceId(); }
  @Override public String getCaseInstanceId() { return h.getCaseInstanceId(); }
  @Override public boolean isSuspended() { return false; }
  @Override public String getId() { return h.getId(); }
  @Override public boolean isEnded() { return true; }
  @Override public String getProcessInstanceId() { return h.getId(); }
  @Override public String getTenantId() { return h.getTenantId(); }
}
