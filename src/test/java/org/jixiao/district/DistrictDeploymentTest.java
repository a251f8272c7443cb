package org.jixiao.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jixiao.PlatformTest;
import java.math.BigDecimal;
import org.camunda.bpm.engine.identity.Group;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.Role;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

@PlatformTest
class DistrictDeploymentTest {

  static final List<String> SHIPPED = List.of("chongqing", "enyang", "gaomi", "jilin", "qijiang");

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired DistrictModelDeployer deployer;
  @Autowired ModelLibrary shippedLibrary;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;

  @TempDir Path temp;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void everyShippedDistrictIsATenantWithItsChineseNameAndTheSharedDefinitions() {
    assertThat(identityService.createTenantQuery().tenantIdIn(SHIPPED.toArray(String[]::new)).list())
        .extracting(Tenant::getId, Tenant::getName)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("chongqing", "重庆市"),
            org.assertj.core.groups.Tuple.tuple("enyang", "恩阳区"),
            org.assertj.core.groups.Tuple.tuple("gaomi", "高密市"),
            org.assertj.core.groups.Tuple.tuple("jilin", "吉林省"),
            org.assertj.core.groups.Tuple.tuple("qijiang", "綦江区"));
    for (String district : SHIPPED) {
      assertThat(repositoryService.createProcessDefinitionQuery().tenantIdIn(district)
          .processDefinitionKey(ExAnteProcess.KEY).latestVersion().singleResult())
          .as("shared process in %s", district).isNotNull();
      Deployment deployment = repositoryService.createDeploymentQuery()
          .deploymentName(DistrictModelDeployer.deploymentName(district)).tenantIdIn(district).singleResult();
      assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
          .as("the forms its models use travel with them")
          .contains("ex-ante-assessment.bpmn", "review-application.html", "revise-application.html");
    }
    assertThat(repositoryService.createProcessDefinitionQuery().withoutTenantId().count())
        .as("no model is deployed outside a district").isZero();
  }

  @Test
  void redeployingUnchangedFilesAddsNoVersion() {
    long definitions = repositoryService.createProcessDefinitionQuery().count();
    long deployments = repositoryService.createDeploymentQuery().count();

    List<DistrictModelDeployer.DeploymentOutcome> outcomes = deployer.deploy(shippedLibrary);

    assertThat(outcomes).extracting(o -> o.district().id()).containsAll(SHIPPED);
    assertThat(outcomes).noneMatch(DistrictModelDeployer.DeploymentOutcome::newVersion);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aChangedDistrictFileCreatesANewVersionOnlyInThatDistrict() throws IOException {
    Path processes = copyShippedModels();
    Path forms = Path.of("forms");
    // the shipped models again, from another folder: nothing new
    assertThat(deployer.deploy(library(processes, forms)))
        .noneMatch(DistrictModelDeployer.DeploymentOutcome::newVersion);

    // Gaomi gets its own variant of the shared process
    String variant = Files.readString(processes.resolve("ex-ante-assessment.bpmn"), StandardCharsets.UTF_8)
        .replace("name=\"事前绩效评估与入库\"", "name=\"事前绩效评估与预算评审\"");
    Files.writeString(processes.resolve("districts/gaomi/ex-ante-assessment.bpmn"), variant);
    try {
      List<DistrictModelDeployer.DeploymentOutcome> outcomes = deployer.deploy(library(processes, forms));

      assertThat(outcomes).filteredOn(DistrictModelDeployer.DeploymentOutcome::newVersion)
          .extracting(o -> o.district().id()).containsExactly("gaomi");
      assertThat(latest("gaomi").getName()).isEqualTo("事前绩效评估与预算评审");
      assertThat(latest("qijiang").getName()).isEqualTo("事前绩效评估与入库");
      assertThat(latest("qijiang").getVersion()).isEqualTo(1);
    } finally {
      // put Gaomi back to the shipped models for the other tests of this context
      deployer.deploy(shippedLibrary);
    }
  }

  @Test
  void aDistrictFolderTheBuildDoesNotShipIsDeployedAndRunsItsOwnModels() throws IOException {
    Path processes = copyShippedModels();
    Path zhangjiang = Files.createDirectories(processes.resolve("districts/zhangjiang"));
    Files.writeString(zhangjiang.resolve("district.json"), "{\"name\": \"樟江县\", \"fullName\": \"某省樟江县\"}");
    // its own variant of the shared process: the self-assessment step has the county's own name
    String variant = Files.readString(processes.resolve("ex-ante-assessment.bpmn"), StandardCharsets.UTF_8)
        .replace("name=\"开展部门自评估\"", "name=\"樟江县部门自评估\"");
    Files.writeString(zhangjiang.resolve("zhangjiang-ex-ante.bpmn"), variant);
    Group department = identityService.newGroup("zhangjiang-education");
    department.setName("樟江县教育局");
    department.setType(Role.DEPARTMENT_TYPE);
    try {
      List<DistrictModelDeployer.DeploymentOutcome> outcomes = deployer.deploy(library(processes, Path.of("forms")));

      assertThat(outcomes).filteredOn(DistrictModelDeployer.DeploymentOutcome::newVersion)
          .extracting(o -> o.district().id()).containsExactly("zhangjiang");
      assertThat(identityService.createTenantQuery().tenantId("zhangjiang").singleResult().getName())
          .isEqualTo("樟江县");
      Deployment deployment = repositoryService.createDeploymentQuery().tenantIdIn("zhangjiang").singleResult();
      assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
          .as("the district file replaced the shared file defining the same key; shared rules come along")
          .contains("zhangjiang-ex-ante.bpmn", "ex-ante-rules.dmn", "self-assessment.html")
          .doesNotContain("ex-ante-assessment.bpmn");
      identityService.saveGroup(department);
      identityService.createTenantGroupMembership("zhangjiang", department.getId());

      ProjectView project = projects.apply(ApplyProjectRequest.of("ZJ-" + System.nanoTime(), "县城供水管网改造",
          "zhangjiang", "zhangjiang-education", ItemType.NEW_CONSTRUCTION, new BigDecimal("3000000"), true),
          callers.of("demo"));
      // the shared lifecycle calls the district's own variant of the assessment, in the district's tenant
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .superProcessInstanceId(project.processInstanceId()).singleResult();

      assertThat(instance.getTenantId()).isEqualTo("zhangjiang");
      assertThat(project.ruleResults().ruleBasis()).as("the shared default rules").contains("默认");
      assertThat(instance).isWaitingAt(ExAnteProcess.TASK_SELF_ASSESS);
      assertThat(task(instance)).hasName("樟江县部门自评估").hasCandidateGroup("zhangjiang-education");
    } finally {
      repositoryService.createDeploymentQuery().tenantIdIn("zhangjiang").list()
          .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
      identityService.deleteTenant("zhangjiang");
      identityService.deleteGroup("zhangjiang-education");
    }
  }

  @Test
  void theCopyPackagedInTheJarHoldsTheSameModelsAsTheFolder() {
    ModelLibrary packaged = new ModelLibrary(
        new ModelsProperties("classpath:models/processes", "classpath:models/forms"));

    List<DistrictModelSet> fromJar = packaged.districtModelSets();
    List<DistrictModelSet> fromFolder = shippedLibrary.districtModelSets();

    assertThat(fromJar).extracting(s -> s.district().id()).containsExactlyElementsOf(SHIPPED);
    for (int i = 0; i < fromJar.size(); i++) {
      var folder = fromFolder.get(i).resources();
      assertThat(fromJar.get(i).resources()).containsOnlyKeys(folder.keySet());
      fromJar.get(i).resources().forEach((name, content) -> assertThat(content).as(name).isEqualTo(folder.get(name)));
    }
  }

  private org.camunda.bpm.engine.repository.ProcessDefinition latest(String district) {
    return repositoryService.createProcessDefinitionQuery().tenantIdIn(district)
        .processDefinitionKey(ExAnteProcess.KEY).latestVersion().singleResult();
  }

  private Path copyShippedModels() throws IOException {
    Path target = temp.resolve("processes");
    FileSystemUtils.copyRecursively(Path.of("processes"), target);
    return target;
  }

  private static ModelLibrary library(Path processes, Path forms) {
    return new ModelLibrary(new ModelsProperties(processes.toUri().toString(), forms.toUri().toString()));
  }
}
