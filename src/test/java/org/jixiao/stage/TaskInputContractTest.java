package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.LoopCardinality;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jixiao.PlatformTest;
import org.jixiao.identity.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The task contract, generated from the deployed models: for every user task of every process of every
 * district, a user who may work on the task tries, through {@code /engine-rest}, to complete it, submit
 * its form, write task variables and write process variables with each routing variable of its process
 * (read from sequence-flow conditions, loop cardinalities, multi-instance collections and candidate-group and
 * assignee expressions) that the task does not declare, and with
 * an unknown variable, and (complete, process-variable write) with every other variable the instance holds:
 * its candidate group, durations and settings such as {@code financeRounds}. Every attempt answers 400 with a
 * Chinese message naming the variable; the task stays open, the instance's variables and position are
 * unchanged. A new task or a new flag in a model
 * is covered without editing this class. Process-variable writes are refused with 400 as well (they name
 * a variable the task may not set).
 */
@PlatformTest
class TaskInputContractTest {

  static final List<String> DISTRICTS = List.of("qijiang", "enyang", "jilin", "chongqing", "gaomi");
  static final String UNKNOWN = "unknownVariable";
  /** The hostile value of a multi-instance collection: a panel the caller names (one seat for themselves). */
  static final String COLLECTION = "[\"intruder\"]";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @TestFactory
  Stream<DynamicTest> everyUserTaskRefusesEveryRoutingVariableAndAnUnknownOne() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String district : DISTRICTS) {
      List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
          .tenantIdIn(district).latestVersion().orderByProcessDefinitionKey().asc().list();
      assertThat(definitions).as(district).isNotEmpty();
      for (ProcessDefinition definition : definitions) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Map<String, Object> routing = routingVariables(model);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          tests.add(DynamicTest.dynamicTest(district + " " + definition.getKey() + " " + task.getId(),
              () -> attack(district, definition, task.getId(), routing)));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(DISTRICTS.size() * 10);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyStartFormRefusesEveryRoutingVariableAndAnUnknownOne() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String district : DISTRICTS) {
      for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
          .tenantIdIn(district).latestVersion().list()) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        boolean startForm = model.getModelElementsByType(StartEvent.class).stream()
            .anyMatch(s -> s.getCamundaFormKey() != null);
        if (!startForm) {
          continue;
        }
        Map<String, Object> routing = routingVariables(model);
        tests.add(DynamicTest.dynamicTest(district + " " + definition.getKey() + " start form", () -> {
          long before = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
          Set<String> declared = new TaskInputs(repositoryService).ofStart(definition.getId()).keySet();
          Map<String, Object> attempts = new LinkedHashMap<>(routing);
          attempts.keySet().removeAll(declared);
          attempts.put(UNKNOWN, "x");
          for (Map.Entry<String, Object> attempt : attempts.entrySet()) {
            for (String path : List.of("/submit-form", "/start")) {
              ResponseEntity<JsonNode> response = http.withBasicAuth(district + "-perf", "demo").postForEntity(
                  "/engine-rest/process-definition/" + definition.getId() + path,
                  json(Map.of("variables", Map.of(attempt.getKey(), typed(attempt.getValue())))), JsonNode.class);
              assertRefused(response, attempt.getKey(), path);
            }
          }
          assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count())
              .as("no instance started").isEqualTo(before);
        }));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  private void attack(String district, ProcessDefinition definition, String taskId, Map<String, Object> routing) {
    Map<String, Object> trusted = trustedVariables(district, routing);
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(definition.getKey())
        .processDefinitionTenantId(district)
        .businessKey("CONTRACT-" + System.nanoTime())
        .setVariables(trusted) // before the instruction: process variables, as the engine's steps set them
        // a multi-instance task starts as a whole (its body), so each seat gets its element variable
        .startBeforeActivity(multiInstance(definition, taskId) ? taskId + "#multiInstanceBody" : taskId)
        .execute();
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId)
        .list().get(0);
    Set<String> declared = new TaskInputs(repositoryService).ofTask(definition.getId(), taskId).keySet();
    String user = workerOf(district, task);
    Map<String, Object> variablesBefore = new TreeMap<>(runtimeService.getVariables(instance.getId()));
    List<String> positionBefore = runtimeService.getActiveActivityIds(instance.getId());
    Map<String, Object> taskLocalBefore = new TreeMap<>(taskService.getVariablesLocal(task.getId()));

    Map<String, Object> attempts = new LinkedHashMap<>();
    routing.forEach((name, value) -> {
      if (!declared.contains(name)) {
        attempts.put(name, value);
      }
    });
    attempts.put(UNKNOWN, "x");
    TestRestTemplate worker = http.withBasicAuth(user, "demo");
    for (Map.Entry<String, Object> attempt : attempts.entrySet()) {
      String name = attempt.getKey();
      Map<String, Object> value = typed(attempt.getValue());
      Map<String, Object> variables = Map.of(name, value);
      String t = "/engine-rest/task/" + task.getId();
      assertRefused(worker.postForEntity(t + "/complete", json(Map.of("variables", variables)), JsonNode.class),
          name, "complete");
      assertRefused(worker.postForEntity(t + "/submit-form", json(Map.of("variables", variables)), JsonNode.class),
          name, "submit-form");
      assertRefused(worker.postForEntity(t + "/variables", json(Map.of("modifications", variables)), JsonNode.class),
          name, "task variables");
      assertRefused(worker.postForEntity(t + "/localVariables", json(Map.of("modifications", variables)),
          JsonNode.class), name, "task local variables");
      assertRefused(worker.exchange(t + "/variables/" + name, HttpMethod.PUT, json(value), JsonNode.class),
          name, "task variable");
      assertRefused(worker.exchange("/engine-rest/process-instance/" + instance.getId() + "/variables/" + name,
          HttpMethod.PUT, json(value), JsonNode.class), name, "process variable");
      assertRefused(worker.postForEntity("/engine-rest/process-instance/" + instance.getId() + "/variables",
          json(Map.of("modifications", variables)), JsonNode.class), name, "process variables");
    }

    // every other variable the instance holds (candidate group, durations, settings such as financeRounds)
    // steers the process as well: completing with it or overwriting it is refused the same way
    for (Map.Entry<String, Object> held : variablesBefore.entrySet()) {
      String name = held.getKey();
      if (declared.contains(name) || attempts.containsKey(name) || held.getValue() == null) {
        continue;
      }
      Map<String, Object> value = typed(held.getValue() instanceof Integer i ? (Object) (i + 1)
          : held.getValue() instanceof Boolean b ? (Object) !b : (Object) ("hostile-" + held.getValue()));
      assertRefused(worker.postForEntity("/engine-rest/task/" + task.getId() + "/complete",
          json(Map.of("variables", Map.of(name, value))), JsonNode.class), name, "complete");
      assertRefused(worker.exchange("/engine-rest/process-instance/" + instance.getId() + "/variables/" + name,
          HttpMethod.PUT, json(value), JsonNode.class), name, "process variable");
    }

    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isOne();
    assertThat(new TreeMap<>(runtimeService.getVariables(instance.getId()))).as("variables unchanged")
        .isEqualTo(variablesBefore);
    assertThat(new TreeMap<>(taskService.getVariablesLocal(task.getId()))).as("task variables unchanged")
        .isEqualTo(taskLocalBefore);
    assertThat(runtimeService.getActiveActivityIds(instance.getId())).as("path unchanged")
        .containsExactlyInAnyOrderElementsOf(positionBefore);
    runtimeService.deleteProcessInstance(instance.getId(), "contract test");
  }

  private boolean multiInstance(ProcessDefinition definition, String taskId) {
    return repositoryService.getBpmnModelInstance(definition.getId()).<UserTask>getModelElementById(taskId)
        .getLoopCharacteristics() != null;
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, String variable, String what) {
    assertThat(response.getStatusCode().value()).as(what + " with " + variable + ": " + response.getBody())
        .isEqualTo(400);
    assertThat(response.getBody().get("type").asText()).isEqualTo("BadRequest");
    assertThat(response.getBody().get("message").asText()).as(what).contains(variable).containsPattern("[\\u4e00-\\u9fa5]");
  }

  /** A demo user who may work on the task: its department's unit, or the district's user of its role group. */
  private String workerOf(String district, Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee(); // a named seat (专家论证): its expert
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (link.getGroupId() == null) {
        continue;
      }
      if (link.getGroupId().equals(district + "-education")) {
        return district + "-edu";
      }
      if (link.getGroupId().equals(district + "-edu-bureau")) {
        return district + "-supervisor";
      }
      Role role = Role.ofGroup(link.getGroupId()).orElse(null);
      if (role != null) {
        return district + "-" + switch (role) {
          case SUPERVISING_DEPARTMENT -> "supervisor";
          case FINANCE_PERFORMANCE -> "perf";
          case FINANCE_BUDGET -> "budget";
          case BUDGET_COMMITTEE -> "committee";
          case EXPERT -> "expert1";
          case THIRD_PARTY -> "thirdparty";
          default -> throw new IllegalStateException("no demo worker for " + role);
        };
      }
    }
    throw new IllegalStateException("task " + task.getTaskDefinitionKey() + " has no candidate group");
  }

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(.*?)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([A-Za-z_]\\w*)(?![\\w(])");
  private static final Pattern COMPARED = Pattern.compile("([A-Za-z_]\\w*)\\s*(?:==|!=|eq|ne)\\s*'([^']*)'");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task");

  /**
   * The variables the process routes by, each with a value a hostile caller would send: the opposite of
   * true for a flag, a compared value for a text, zero for a loop cardinality.
   */
  static Map<String, Object> routingVariables(BpmnModelInstance model) {
    Map<String, Object> routing = new TreeMap<>();
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      collect(condition.getTextContent(), routing, false);
    }
    for (LoopCardinality cardinality : model.getModelElementsByType(LoopCardinality.class)) {
      collect(cardinality.getTextContent(), routing, true);
    }
    // a collection multi-instance (专家论证's named seats): the collection decides who gets a seat
    for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
      Map<String, Object> collection = new TreeMap<>();
      collect(loop.getCamundaCollection(), collection, false);
      collection.keySet().forEach(name -> routing.putIfAbsent(name, COLLECTION));
    }
    // who gets a task steers it as much as a gateway: candidate-group and assignee expressions
    // (departmentGroup, supervisingDepartmentGroup), with the widest group a hostile caller would name
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      for (String text : new String[] {task.getCamundaCandidateGroups(), task.getCamundaCandidateUsers(),
          task.getCamundaAssignee()}) {
        Matcher expressions = EXPRESSION.matcher(text == null ? "" : text);
        while (expressions.find()) {
          Matcher identifiers = IDENTIFIER.matcher(expressions.group(1));
          while (identifiers.find()) {
            if (!EL_WORDS.contains(identifiers.group(1))) {
              routing.putIfAbsent(identifiers.group(1), Role.SUPERVISING_DEPARTMENT.groupId());
            }
          }
        }
      }
    }
    return routing;
  }

  private static void collect(String text, Map<String, Object> routing, boolean number) {
    Matcher expressions = EXPRESSION.matcher(text == null ? "" : text);
    while (expressions.find()) {
      String expression = expressions.group(1);
      Matcher compared = COMPARED.matcher(expression);
      Map<String, String> texts = new HashMap<>();
      while (compared.find()) {
        texts.putIfAbsent(compared.group(1), compared.group(2));
      }
      Matcher identifiers = IDENTIFIER.matcher(expression.replaceAll("'[^']*'", "''"));
      while (identifiers.find()) {
        String name = identifiers.group(1);
        if (EL_WORDS.contains(name)) {
          continue;
        }
        routing.putIfAbsent(name, number ? (Object) 0 : texts.containsKey(name) ? texts.get(name) : (Object) Boolean.FALSE);
      }
    }
  }

  /** What the engine's own steps would have set: every flag true, cardinalities 3, and the tasks' settings. */
  private static Map<String, Object> trustedVariables(String district, Map<String, Object> routing) {
    Map<String, Object> variables = new HashMap<>();
    routing.forEach((name, hostile) -> {
      if (hostile instanceof Boolean) {
        variables.put(name, true);
      } else if (hostile instanceof Integer) {
        variables.put(name, 3);
      } else if (COLLECTION.equals(hostile)) {
        // as 组建专家组 writes it: a JSON-serialized list of the district's experts
        variables.put(name, org.camunda.bpm.engine.variable.Variables.objectValue(new ArrayList<>(
            List.of(district + "-expert3", district + "-expert4", district + "-expert5")))
            .serializationDataFormat(org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON).create());
      }
    });
    variables.put("departmentGroup", district + "-education");
    variables.put("supervisingDepartmentGroup", district + "-edu-bureau");
    variables.put("projectCode", "CONTRACT");
    variables.put("goalSetCode", "CONTRACT-2027");
    variables.put("taskDueDuration", "P10D");
    variables.put("reminderDuration", "P7D");
    variables.put("expertPassPercent", 60);
    variables.put("financeRounds", 2);
    variables.put("samplingPercent", 20);
    return variables;
  }

  private static Map<String, Object> typed(Object value) {
    String type = value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String";
    return Map.of("value", value, "type", type);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
