package org.jixiao.district;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.stereotype.Component;

/**
 * What a district administrator may deploy from Camunda Modeler into its district's tenant: BPMN and DMN
 * models, and the forms they load only as the models folder has them (a form runs in every reviewer's
 * browser, so a changed form goes through the folder, where the operators review it). A model may not run
 * code of its own: no script tasks or scripts, no Java classes, no method calls in expressions, no
 * expression language but FEEL in DMN, no call into another district's tenant, no business key or record
 * code of its own (the platform's delegates act on the record these name). The deployment name and
 * source of the start-up deployer are reserved, so the next start neither loses nor duplicates the
 * Modeler's version ({@link DistrictModelDeployer}).
 */
@Component
public class ModelUploads {

  /** Names of the resource types a Modeler deployment may carry. */
  static final List<String> TYPES = List.of(".bpmn", ".dmn", ".html");

  private static final XMLInputFactory XML = XMLInputFactory.newFactory();
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  /** A method or function call in JUEL: a name, index or call followed by an opening parenthesis. */
  private static final Pattern CALL = Pattern.compile("[\\w$\\])]\\s*\\(");
  /** FEEL's door to Java: {@code function(x) external {java: …}}. */
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");
  private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");
  private static final Set<String> TENANT_ATTRIBUTES =
      Set.of("calledElementTenantId", "decisionRefTenantId", "caseTenantId");
  private static final String OWN_TENANT = "${execution.tenantId}";
  private static final Pattern RECORD_KEY = Pattern.compile("[A-Za-z]*Codes?");

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // one text event per text node, so that an expression is never split
    XML.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  private final ModelLibrary library;

  ModelUploads(ModelLibrary library) {
    this.library = library;
  }

  /** The deployment name and source the start-up deployer uses: a Modeler deployment may not take them. */
  public static boolean reserved(String deploymentName, String source) {
    return DistrictModelDeployer.DEPLOYMENT_SOURCE.equals(source)
        || deploymentName != null && deploymentName.startsWith("district-");
  }

  /** Why these resources may not be deployed into the district, in Chinese; empty when they may. */
  public List<String> refusals(String district, Map<String, byte[]> resources) {
    List<String> refusals = new ArrayList<>();
    if (resources.isEmpty()) {
      refusals.add("部署中没有任何模型文件");
      return refusals;
    }
    Map<String, byte[]> forms = null;
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      String name = resource.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (TYPES.stream().noneMatch(lower::endsWith)) {
        refusals.add("只能部署 BPMN（.bpmn）、DMN（.dmn）模型及其表单（.html）：" + name + " 不是模型文件");
      } else if (lower.endsWith(".html")) {
        if (forms == null) {
          forms = library.forms(district);
        }
        byte[] shipped = forms.get(name);
        if (shipped == null || !normalised(shipped).equals(normalised(resource.getValue()))) {
          refusals.add("表单 " + name + " 与模型目录中的表单不一致：新的或修改过的表单请放入模型目录"
              + "（forms/ 或 processes/districts/" + district + "/forms/），随下次启动部署");
        }
      } else {
        refusals.addAll(modelRefusals(district, name, resource.getValue()));
        if (lower.endsWith(".bpmn")) {
          for (String form : ModelKeys.referencedForms(resource.getValue())) {
            if (!resources.containsKey(form)) {
              refusals.add("模型 " + name + " 使用的表单 " + form + " 未随部署上传：请在 Modeler 的部署对话框中附上该表单文件");
            }
          }
        }
      }
    }
    return refusals;
  }

  private static List<String> modelRefusals(String district, String name, byte[] content) {
    List<String> refusals = new ArrayList<>();
    try {
      XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(content));
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String element = reader.getLocalName();
          recordKeyRefusal(name, reader).ifPresent(refusals::add);
          if (SCRIPT_ELEMENTS.contains(element)) {
            refusals.add("模型 " + name + " 含有脚本（" + element + "）：本系统的模型不运行脚本，请改用服务任务或 DMN 决策");
          }
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attribute = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            if ("class".equals(attribute) && "http://camunda.org/schema/1.0/bpmn".equals(reader.getAttributeNamespace(i))) {
              refusals.add("模型 " + name + " 直接调用 Java 类（camunda:class=\"" + value + "\"）：请使用系统提供的 delegateExpression");
            } else if ("expressionLanguage".equals(attribute) && !value.toLowerCase(Locale.ROOT).contains("feel")) {
              refusals.add("模型 " + name + " 使用了表达式语言 " + value + "：决策表只能使用 FEEL");
            } else if ("businessKey".equals(attribute) && !EXPRESSION.matcher(value).matches()) {
              // the delegates act on the record the business key names: a constant could name another district's
              refusals.add("模型 " + name + " 以固定值作为业务编号（businessKey=\"" + value + "\"）：业务编号只能取自流程变量，"
                  + "例如 #{execution.processBusinessKey}");
            } else if (TENANT_ATTRIBUTES.contains(attribute) && !value.equals(district) && !value.equals(OWN_TENANT)) {
              refusals.add("模型 " + name + " 引用了其他辖区（" + attribute + "=\"" + value + "\"）：只能引用本辖区的模型");
            } else {
              expressionRefusal(name, value).ifPresent(refusals::add);
            }
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          expressionRefusal(name, reader.getText()).ifPresent(refusals::add);
        }
      }
      reader.close();
    } catch (XMLStreamException e) {
      refusals.add("模型文件无法解析：" + name + "（不是有效的 XML）");
    }
    return refusals.stream().distinct().toList();
  }

  /**
   * The variables that name a record ({@code projectCode}, {@code goalSetCode}, {@code monitoringCode}: names
   * ending in {@code Code} or {@code Codes}) come only from the platform's own steps: a model may pass them on
   * unchanged ({@code <camunda:in source="projectCode" target="projectCode"/>}), never set them from a value or
   * an expression of its own, which could name another district's record for the delegates to act on.
   */
  private static java.util.Optional<String> recordKeyRefusal(String name, XMLStreamReader reader) {
    String element = reader.getLocalName();
    String written = switch (element) {
      case "in", "out" -> reader.getAttributeValue(null, "target");
      case "inputParameter", "outputParameter" -> reader.getAttributeValue(null, "name");
      default -> reader.getAttributeValue("http://camunda.org/schema/1.0/bpmn", "resultVariable");
    };
    if (written == null || !RECORD_KEY.matcher(written).matches()) {
      return java.util.Optional.empty();
    }
    boolean copied = ("in".equals(element) || "out".equals(element))
        && written.equals(reader.getAttributeValue(null, "source"));
    return copied ? java.util.Optional.empty() : java.util.Optional.of("模型 " + name + " 给记录编号变量 " + written
        + " 赋了自己的值：项目、目标、监控等编号只能由系统步骤给出，模型只能原样传递（camunda:in source=\"" + written
        + "\" target=\"" + written + "\"）");
  }

  private static java.util.Optional<String> expressionRefusal(String name, String text) {
    Matcher m = EXPRESSION.matcher(text);
    while (m.find()) {
      if (CALL.matcher(m.group(1)).find()) {
        return java.util.Optional.of("模型 " + name + " 的表达式 " + m.group() + " 调用了方法：表达式只能读取流程变量，"
            + "或以 ${beanName} 引用系统提供的 delegateExpression");
      }
    }
    if (FEEL_EXTERNAL.matcher(text).find()) {
      return java.util.Optional.of("模型 " + name + " 定义了外部（Java）函数：决策表不能调用 Java");
    }
    return java.util.Optional.empty();
  }

  private static String normalised(byte[] content) {
    return new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
  }
}
