package org.jixiao.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a district administrator may deploy from Modeler: models that run no code of their own, unchanged forms. */
class ModelUploadsTest {

  private final ModelLibrary library = new ModelLibrary(new ModelsProperties("file:./processes", "file:./forms"));
  private final ModelUploads uploads = new ModelUploads(library);

  @Test
  void everyShippedModelSetMayBeDeployedFromModeler() {
    for (DistrictModelSet set : library.districtModelSets()) {
      assertThat(uploads.refusals(set.district().id(), set.resources())).as(set.district().id()).isEmpty();
    }
  }

  @Test
  void anEditedDecisionTableMayBeDeployedAlone() throws IOException {
    String dmn = read("processes/districts/qijiang/ex-ante-rules.dmn").replace("&gt;= 5000000", "&gt;= 4000000");

    assertThat(uploads.refusals("qijiang", Map.of("ex-ante-rules.dmn", bytes(dmn)))).isEmpty();
  }

  @Test
  void filesOtherThanModelsAndFormsAreRefused() {
    assertThat(uploads.refusals("qijiang", Map.of("run.js", bytes("alert(1)"))))
        .singleElement().asString().contains("只能部署 BPMN（.bpmn）、DMN（.dmn）模型及其表单（.html）", "run.js");
    assertThat(uploads.refusals("qijiang", Map.of())).containsExactly("部署中没有任何模型文件");
  }

  @Test
  void aFormMustBeTheModelsFoldersOwn() throws IOException {
    String form = read("forms/review-application.html");

    assertThat(uploads.refusals("qijiang", Map.of("review-application.html", bytes(form.replace("\n", "\r\n")))))
        .as("the same form with Windows line ends").isEmpty();
    assertThat(uploads.refusals("qijiang", Map.of("review-application.html",
        bytes(form + "<script>fetch('/engine-rest/user')</script>"))))
        .singleElement().asString().contains("与模型目录中的表单不一致");
    assertThat(uploads.refusals("qijiang", Map.of("new-form.html", bytes("<form></form>"))))
        .singleElement().asString().contains("new-form.html", "与模型目录中的表单不一致");
  }

  @Test
  void aProcessMustCarryTheFormsItLoads() throws IOException {
    Map<String, byte[]> alone = Map.of("ex-ante-assessment.bpmn", bytes(read("processes/ex-ante-assessment.bpmn")));

    assertThat(uploads.refusals("qijiang", alone)).isNotEmpty()
        .allSatisfy(r -> assertThat(r).contains("未随部署上传"))
        .anySatisfy(r -> assertThat(r).contains("review-application.html"));
  }

  @Test
  void aModelThatRunsCodeOfItsOwnIsRefused() {
    assertThat(refusals(process("<scriptTask id=\"Task_X\" scriptFormat=\"javascript\"><script>1</script></scriptTask>")))
        .anySatisfy(r -> assertThat(r).contains("含有脚本（scriptTask）"));
    assertThat(refusals(process("<serviceTask id=\"Task_X\" camunda:class=\"java.lang.Runtime\"/>")))
        .anySatisfy(r -> assertThat(r).contains("直接调用 Java 类"));
    assertThat(refusals(process("<serviceTask id=\"Task_X\" camunda:expression=\"${projectRepository.deleteAll()}\"/>")))
        .anySatisfy(r -> assertThat(r).contains("调用了方法", "${projectRepository.deleteAll()}"));
    assertThat(refusals(process("<sequenceFlow id=\"Flow_X\" sourceRef=\"a\" targetRef=\"b\">"
        + "<conditionExpression>${execution.getProcessEngineServices().getIdentityService() != null}</conditionExpression>"
        + "</sequenceFlow>")))
        .anySatisfy(r -> assertThat(r).contains("调用了方法"));
    assertThat(refusals(process("<serviceTask id=\"Task_X\" camunda:delegateExpression=\"${listProjectDelegate}\"/>"
        + "<sequenceFlow id=\"Flow_X\" sourceRef=\"a\" targetRef=\"b\">"
        + "<conditionExpression>${reviewDecision == 'APPROVE' &amp;&amp; (amount &gt; 0)}</conditionExpression>"
        + "</sequenceFlow>")))
        .as("a delegate by name and a condition on variables, with parentheses for grouping").isEmpty();
  }

  @Test
  void aModelThatReachesIntoAnotherDistrictIsRefused() {
    assertThat(refusals(process("<callActivity id=\"Task_X\" calledElement=\"Process_ExAnteAssessment\" "
        + "camunda:calledElementTenantId=\"enyang\"/>")))
        .anySatisfy(r -> assertThat(r).contains("引用了其他辖区", "enyang"));
    assertThat(refusals(process("<callActivity id=\"Task_X\" calledElement=\"Process_ExAnteAssessment\">"
        + "<extensionElements><camunda:in businessKey=\"ENYANG-2026-001\"/></extensionElements></callActivity>")))
        .anySatisfy(r -> assertThat(r).contains("以固定值作为业务编号", "ENYANG-2026-001"));
    assertThat(refusals(process("<callActivity id=\"Task_X\" calledElement=\"Process_GoalReview\">"
        + "<extensionElements><camunda:in sourceExpression=\"ENYANG-2026-001-2027\" target=\"goalSetCode\"/>"
        + "</extensionElements></callActivity>")))
        .anySatisfy(r -> assertThat(r).contains("给记录编号变量 goalSetCode 赋了自己的值"));
    assertThat(refusals(process("<serviceTask id=\"Task_X\" camunda:delegateExpression=\"${listProjectDelegate}\">"
        + "<extensionElements><camunda:inputOutput><camunda:inputParameter name=\"projectCode\">ENYANG-2026-001"
        + "</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>")))
        .anySatisfy(r -> assertThat(r).contains("给记录编号变量 projectCode 赋了自己的值"));
    assertThat(refusals(process("<businessRuleTask id=\"Task_X\" camunda:decisionRef=\"Decision_ExAnteRules\" "
        + "camunda:resultVariable=\"monitoringCode\"/>")))
        .anySatisfy(r -> assertThat(r).contains("monitoringCode"));
    assertThat(refusals(process("<callActivity id=\"Task_X\" calledElement=\"Process_GoalReview\">"
        + "<extensionElements><camunda:in businessKey=\"${goalSetCode}\"/>"
        + "<camunda:in source=\"goalSetCode\" target=\"goalSetCode\"/></extensionElements></callActivity>")))
        .as("passed on unchanged, as the shared lifecycle does").isEmpty();
    assertThat(refusals(process("<businessRuleTask id=\"Task_X\" camunda:decisionRef=\"Decision_ExAnteRules\" "
        + "camunda:decisionRefTenantId=\"${execution.tenantId}\"/>"))).isEmpty();
  }

  @Test
  void aDecisionTableInAnotherExpressionLanguageOrWithJavaFunctionsIsRefused() throws IOException {
    String dmn = read("processes/districts/qijiang/ex-ante-rules.dmn");

    assertThat(uploads.refusals("qijiang", Map.of("rules.dmn",
        bytes(dmn.replace("expressionLanguage=\"feel\"", "expressionLanguage=\"juel\"")))))
        .anySatisfy(r -> assertThat(r).contains("表达式语言 juel"));
    assertThat(uploads.refusals("qijiang", Map.of("rules.dmn", bytes(dmn.replace("<text>requestedAmountFen / 100</text>",
        "<text>(function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}})(0)</text>")))))
        .anySatisfy(r -> assertThat(r).contains("外部（Java）函数"));
    assertThat(uploads.refusals("qijiang", Map.of("rules.dmn", bytes("<definitions><decision"))))
        .anySatisfy(r -> assertThat(r).contains("无法解析"));
  }

  @Test
  void theStartUpDeployersNameAndSourceAreReserved() {
    assertThat(ModelUploads.reserved("district-qijiang", "Camunda Modeler")).isTrue();
    assertThat(ModelUploads.reserved("modeler", DistrictModelDeployer.DEPLOYMENT_SOURCE)).isTrue();
    assertThat(ModelUploads.reserved("qijiang-threshold-2027", "Camunda Modeler")).isFalse();
    assertThat(ModelUploads.reserved(null, null)).isFalse();
  }

  private java.util.List<String> refusals(String bpmn) {
    Map<String, byte[]> resources = new TreeMap<>();
    resources.put("edited.bpmn", bytes(bpmn));
    return uploads.refusals("qijiang", resources);
  }

  private static String process(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_X\" targetNamespace=\"x\">"
        + "<process id=\"Process_X\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\">" + body
        + "</process></definitions>";
  }

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
