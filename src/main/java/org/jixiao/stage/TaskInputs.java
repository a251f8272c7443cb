package org.jixiao.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The inputs a user task or a start form accepts: each element of a deployed model declares them as
 * Camunda properties named {@code input}, one per variable, {@code "name: type"}. Types: {@code text},
 * {@code integer} (optionally {@code integer 0..100}), {@code decimal} (a number or a numeric text),
 * {@code boolean}, {@code long} (a whole number, also as text), {@code enum A B C}, {@code json} (a JSON
 * value, or a text holding JSON). An element without a declaration accepts nothing. Read once per
 * process definition (deployed definitions never change).
 */
public class TaskInputs {

  /** The name of the extension property that declares one input. */
  public static final String PROPERTY = "input";
  /**
   * A start event's property naming the only way its process starts (a form of our own that applies through the
   * application, e.g. 项目申报): the engine's REST surfaces refuse every direct start of such a process.
   */
  public static final String STARTS_THROUGH = "startsThrough";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The engine keeps a String variable in a 4,000-character column; longer text would fail the transaction. */
  static final int MAX_TEXT = 4000;

  private final RepositoryService repositoryService;
  private final Map<String, Map<String, Map<String, Input>>> byDefinition = new ConcurrentHashMap<>();
  private final Map<String, String> startsThrough = new ConcurrentHashMap<>();

  public TaskInputs(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The inputs the user task {@code taskDefinitionKey} of the process definition declares. */
  public Map<String, Input> ofTask(String processDefinitionId, String taskDefinitionKey) {
    return declarations(processDefinitionId).getOrDefault(taskDefinitionKey, Map.of());
  }

  /** The inputs the process's start form (its plain start event) declares. */
  public Map<String, Input> ofStart(String processDefinitionId) {
    return declarations(processDefinitionId).getOrDefault(START, Map.of());
  }

  /** The way the process's plain start event names as its only start ({@link #STARTS_THROUGH}), or empty. */
  public Optional<String> startsThrough(String processDefinitionId) {
    String way = startsThrough.computeIfAbsent(processDefinitionId, id -> {
      for (StartEvent start : repositoryService.getBpmnModelInstance(id).getModelElementsByType(StartEvent.class)) {
        if (start.getParentElement() instanceof Process && start.getChildElementsByType(EventDefinition.class).isEmpty()
            && start.getExtensionElements() != null) {
          for (CamundaProperties properties : start.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
              if (STARTS_THROUGH.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
                return property.getCamundaValue();
              }
            }
          }
        }
      }
      return "";
    });
    return way.isEmpty() ? Optional.empty() : Optional.of(way);
  }

  /** Key of the plain start event's declarations in {@link #read}. */
  static final String START = "\u0000start";

  private Map<String, Map<String, Input>> declarations(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId, this::declarationsOf);
  }

  /**
   * A definition's own declarations; for a version deployed before models declared inputs at all (instances
   * started before the upgrade still run on it), those of the latest version of the same process in the same
   * district, element by element: its tasks are the same steps, and the same forms submit to them.
   */
  private Map<String, Map<String, Input>> declarationsOf(String processDefinitionId) {
    Map<String, Map<String, Input>> own = read(repositoryService.getBpmnModelInstance(processDefinitionId));
    if (!own.isEmpty()) {
      return own;
    }
    ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
    var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(definition.getKey())
        .latestVersion();
    ProcessDefinition current = (definition.getTenantId() == null ? latest.withoutTenantId()
        : latest.tenantIdIn(definition.getTenantId())).singleResult();
    return current == null || current.getId().equals(processDefinitionId) ? own
        : read(repositoryService.getBpmnModelInstance(current.getId()));
  }

  /** Every element's declared inputs by element id; the plain start events of the process under {@link #START}. */
  static Map<String, Map<String, Input>> read(BpmnModelInstance model) {
    Map<String, Map<String, Input>> result = new LinkedHashMap<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      Map<String, Input> inputs = inputsOf(element);
      if (inputs.isEmpty()) {
        continue;
      }
      result.put(element.getId(), inputs);
      if (element instanceof StartEvent start && start.getParentElement() instanceof Process
          && start.getChildElementsByType(EventDefinition.class).isEmpty()) {
        result.put(START, inputs);
      }
    }
    return result;
  }

  private static Map<String, Input> inputsOf(BaseElement element) {
    if (element.getExtensionElements() == null) {
      return Map.of();
    }
    Map<String, Input> inputs = new LinkedHashMap<>();
    for (CamundaProperties properties : element.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (PROPERTY.equals(property.getCamundaName())) {
          Input input = Input.parse(property.getCamundaValue(), element.getId());
          inputs.put(input.name(), input);
        }
      }
    }
    return Map.copyOf(inputs);
  }

  /**
   * Checks submitted variables (Camunda typed values or plain Java values) against the declared inputs of
   * the step {@code stepName}: the first refusal as a Chinese message naming the variable, or empty.
   */
  public static Optional<String> refusal(Map<String, Input> declared, Map<String, ?> submitted, String stepName) {
    if (submitted == null) {
      return Optional.empty();
    }
    for (String name : submitted.keySet()) {
      Input input = declared.get(name);
      if (input == null) {
        return Optional.of("不能提交变量 " + name + "：" + accepted(declared, stepName));
      }
      Object value = plain(submitted, name);
      if (value != null && !input.accepts(value)) {
        return Optional.of("变量 " + name + " 的取值无效：应为" + input.describe());
      }
      Optional<String> unsafe = value == null ? Optional.empty() : input.unsafeText(value);
      if (unsafe.isPresent()) {
        return Optional.of("变量 " + name + unsafe.get() + "，请删除后重新提交");
      }
    }
    return Optional.empty();
  }

  /** Checks names only, for removals. */
  public static Optional<String> refusalOfNames(Map<String, Input> declared, Collection<String> names, String stepName) {
    if (names == null) {
      return Optional.empty();
    }
    return names.stream().filter(n -> !declared.containsKey(n)).findFirst()
        .map(n -> "不能删除变量 " + n + "：" + accepted(declared, stepName));
  }

  private static String accepted(Map<String, Input> declared, String stepName) {
    String step = stepName == null ? "本环节" : "“" + stepName + "”";
    return declared.isEmpty() ? step + "不接受任何变量"
        : step + "只接受 " + String.join("、", declared.keySet().stream().sorted().toList());
  }

  /** The submitted value of {@code name} as a plain Java value (a JSON value as its text), null for null. */
  private static Object plain(Map<String, ?> submitted, String name) {
    Object raw = submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name);
    if (raw instanceof TypedValue value) {
      if (value.getType() != null && JSON_TYPE.equals(value.getType().getName())) {
        // the text as submitted: reading the value would parse it, and the engine would then store the
        // re-serialized node (1.00 → 1.0) instead of what the form sent
        return new JsonText(value instanceof SerializableValue serialized && serialized.getValueSerialized() != null
            ? serialized.getValueSerialized() : String.valueOf(value.getValue()));
      }
      return value.getValue();
    }
    return raw;
  }

  /** Camunda Spin's JSON value type, by name, so this class needs no Spin on the class path. */
  private static final String JSON_TYPE = "json";

  private record JsonText(String text) {}

  /** One declared input: its name and type, with the range or the allowed values where given. */
  public record Input(String name, String type, Long min, Long max, Set<String> values) {

    static Input parse(String declaration, String elementId) {
      int colon = declaration == null ? -1 : declaration.indexOf(':');
      if (colon < 1) {
        throw new IllegalStateException("invalid input declaration on " + elementId + ": " + declaration);
      }
      String name = declaration.substring(0, colon).strip();
      List<String> words = List.of(declaration.substring(colon + 1).strip().split("\\s+"));
      String type = words.get(0);
      Long min = null;
      Long max = null;
      Set<String> values = Set.of();
      switch (type) {
        case "integer" -> {
          if (words.size() > 1) {
            String[] range = words.get(1).split("\\.\\.");
            min = Long.parseLong(range[0]);
            max = Long.parseLong(range[1]);
          }
        }
        case "enum" -> values = words.subList(1, words.size()).stream().collect(Collectors.toUnmodifiableSet());
        case "text", "decimal", "boolean", "long", "json" -> { }
        default -> throw new IllegalStateException("unknown input type on " + elementId + ": " + declaration);
      }
      return new Input(name, type, min, max, values);
    }

    boolean accepts(Object value) {
      return switch (type) {
        case "text" -> value instanceof String s && s.length() <= MAX_TEXT;
        case "integer" -> isWhole(value) && inRange(((Number) value).longValue())
            && ((Number) value).longValue() == ((Number) value).intValue();
        case "long" -> isWhole(value) || value instanceof String s && s.strip().matches("-?\\d{1,19}") && parsesAsLong(s);
        case "decimal" -> value instanceof Number n && !(n instanceof Double d && (d.isNaN() || d.isInfinite()))
            || value instanceof String s && decimal(s);
        case "boolean" -> value instanceof Boolean;
        case "enum" -> value instanceof String s && values.contains(s);
        case "json" -> value instanceof JsonText || value instanceof String s && s.length() <= MAX_TEXT && json(s);
        default -> false;
      };
    }

    /** What {@link TextSafety} refuses in a text, or in a string (or name) of a JSON value: " 含有…" or " 的 a.b 含有…". */
    Optional<String> unsafeText(Object value) {
      if ("text".equals(type) && value instanceof String s) {
        return TextSafety.problem(s).map(p -> " " + p);
      }
      if ("json".equals(type) && (value instanceof JsonText || value instanceof String)) {
        return unsafeJson(value instanceof JsonText text ? text.text() : (String) value);
      }
      return Optional.empty();
    }

    private static Optional<String> unsafeJson(String text) {
      try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(text)) {
        for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
          if (token == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
              || token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            Optional<String> problem = TextSafety.problem(parser.getText());
            if (problem.isPresent()) {
              String at = parser.getParsingContext().pathAsPointer().toString();
              return Optional.of(at.isEmpty() ? " " + problem.get() : " 的 " + at + " " + problem.get());
            }
          }
        }
        return Optional.empty();
      } catch (java.io.IOException e) {
        return Optional.empty(); // not JSON: accepts() has said so, or the listener reading it will
      }
    }

    String describe() {
      return switch (type) {
        case "text" -> "不超过 " + MAX_TEXT + " 字的文本";
        case "integer" -> min == null ? "整数" : min + " 到 " + max + " 之间的整数";
        case "long" -> "整数";
        case "decimal" -> "数字";
        case "boolean" -> "是或否（true/false）";
        case "enum" -> values.stream().sorted().collect(Collectors.joining("、", "以下之一：", ""));
        case "json" -> "JSON（以 Json 类型提交；作为文本提交时不超过 " + MAX_TEXT + " 字）";
        default -> type;
      };
    }

    private boolean inRange(long v) {
      return min == null || v >= min && v <= max;
    }

    private static boolean isWhole(Object value) {
      return value instanceof Integer || value instanceof Long || value instanceof Short;
    }

    private static boolean parsesAsLong(String s) {
      try {
        Long.parseLong(s.strip());
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private static boolean decimal(String s) {
      try {
        new BigDecimal(s.strip());
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private static boolean json(String s) {
      try {
        JSON.readTree(s);
        return true;
      } catch (JsonProcessingException e) {
        return false;
      }
    }
  }
}
