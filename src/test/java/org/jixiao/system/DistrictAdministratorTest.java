package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.jixiao.PlatformTest;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The district administrator (辖区管理员, demo user {@code qijiang-admin}): deploys from Modeler into its own
 * tenant only, manages its own district's users and departments in Admin and over {@code /engine-rest}, and
 * never another district's, an administrator, or an authorization.
 */
@PlatformTest
class DistrictAdministratorTest {

  static final String ADMIN = "qijiang-admin";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;

  private final List<String> deployments = new ArrayList<>();
  private final List<String> users = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();

  @AfterEach
  void putTheDistrictBack() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    users.forEach(identityService::deleteUser);
    groups.forEach(identityService::deleteGroup);
  }

  // --- deployments from Camunda Modeler ---

  @Test
  void anEditedDecisionDeployedToTheOwnTenantDecidesTheNextApplication() throws IOException {
    ProjectView before = apply("4500000");
    assertThat(before.ruleResults().ruleBasis()).isEqualTo("未达到事前绩效评估标准");

    ResponseEntity<JsonNode> deployed = deploy(ADMIN, "qijiang", "qijiang-threshold-2027",
        Map.of("ex-ante-rules.dmn", loweredThreshold()));

    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
    assertThat(deployed.getBody().get("tenantId").asText()).isEqualTo("qijiang");
    deployments.add(deployed.getBody().get("id").asText());
    assertThat(deployed.getBody().get("deployedDecisionDefinitions").size()).isOne();
    ProjectView after = apply("4500000");
    assertThat(after.ruleResults().exAnteRequired()).isTrue();
    assertThat(after.ruleResults().ruleBasis()).isEqualTo("普惠性政策金额大于等于400万元（綦江区，Modeler 修订）");
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("Decision_ExAnteRules")
        .tenantIdIn("enyang").latestVersion().singleResult().getVersion())
        .as("another district keeps its own version").isOne();
  }

  @Test
  void aDeploymentToAnotherTenantOrWithoutTenantIs403() throws IOException {
    ResponseEntity<JsonNode> other = deploy(ADMIN, "enyang", "enyang-threshold", Map.of("ex-ante-rules.dmn", loweredThreshold()));
    ResponseEntity<JsonNode> none = deploy(ADMIN, null, "no-tenant", Map.of("ex-ante-rules.dmn", loweredThreshold()));

    assertRefused(other, 403, "您只能部署到本辖区（qijiang），不能部署到 enyang");
    assertRefused(none, 403, "请填写租户 ID（tenant-id）");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("enyang-threshold").count()).isZero();
    assertThat(repositoryService.createDeploymentQuery().deploymentName("no-tenant").count()).isZero();
  }

  @Test
  void aDeploymentThatIsNoModelOrRunsCodeOrTakesTheStartUpNameIs400() throws IOException {
    ResponseEntity<JsonNode> script = deploy(ADMIN, "qijiang", "script", Map.of("run.bpmn", ("<definitions "
        + "xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\"><process id=\"Process_X\">"
        + "<scriptTask id=\"Task_X\" scriptFormat=\"groovy\"><script>1</script></scriptTask></process></definitions>")
        .getBytes(StandardCharsets.UTF_8)));
    ResponseEntity<JsonNode> other = deploy(ADMIN, "qijiang", "other", Map.of("notes.txt", "x".getBytes(StandardCharsets.UTF_8)));
    ResponseEntity<JsonNode> reserved = deploy(ADMIN, "qijiang", "district-qijiang", Map.of("ex-ante-rules.dmn", loweredThreshold()));

    assertRefused(script, 400, "含有脚本（scriptTask）");
    assertRefused(other, 400, "notes.txt 不是模型文件");
    assertRefused(reserved, 400, "由系统启动部署使用");
  }

  @Test
  void aReviewerCannotDeployAtAll() throws IOException {
    ResponseEntity<JsonNode> response = deploy("qijiang-perf", "qijiang", "perf", Map.of("ex-ante-rules.dmn", loweredThreshold()));

    assertRefused(response, 403, "您无权进行此操作");
  }

  // --- users and departments ---

  @Test
  void aUserTheDistrictAdministratorCreatesIsInItsDistrictAndGetsARoleAndADepartment() {
    ResponseEntity<JsonNode> created = createUser(ADMIN, "qijiang-clerk2");

    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(204);
    assertThat(identityService.createTenantQuery().userMember("qijiang-clerk2").list())
        .extracting(t -> t.getId()).containsExactly("qijiang");
    assertThat(rest(ADMIN, HttpMethod.PUT, "/engine-rest/group/budgetUnit/members/qijiang-clerk2", null)
        .getStatusCode().value()).isEqualTo(204);
    assertThat(rest(ADMIN, HttpMethod.PUT, "/engine-rest/group/qijiang-education/members/qijiang-clerk2", null)
        .getStatusCode().value()).isEqualTo(204);
    assertThat(identityService.createGroupQuery().groupMember("qijiang-clerk2").list())
        .extracting(g -> g.getId()).containsExactlyInAnyOrder("budgetUnit", "qijiang-education");
    ResponseEntity<JsonNode> profile = rest(ADMIN, HttpMethod.PUT, "/engine-rest/user/qijiang-clerk2/profile",
        Map.of("id", "qijiang-clerk2", "firstName", "钱多多", "lastName", "教育局经办人", "email", "c2@demo.jixiao.local"));
    assertThat(profile.getStatusCode().value()).isEqualTo(204);
    assertThat(identityService.createUserQuery().userId("qijiang-clerk2").singleResult().getFirstName()).isEqualTo("钱多多");
  }

  @Test
  void aWeakPasswordIsRefusedInChinese() {
    ResponseEntity<JsonNode> created = rest(ADMIN, HttpMethod.POST, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "qijiang-weak", "firstName", "弱", "lastName", "密码"),
        "credentials", Map.of("password", "123")));

    assertRefused(created, 400, "密码不符合要求");
    assertThat(identityService.createUserQuery().userId("qijiang-weak").count()).isZero();
  }

  @Test
  void anotherDistrictsUserOrDepartmentIsOutOfReach() {
    createUser(ADMIN, "qijiang-clerk3");

    assertRefused(rest(ADMIN, HttpMethod.PUT, "/engine-rest/user/enyang-edu/profile",
        Map.of("id", "enyang-edu", "firstName", "改", "lastName", "名")), 403, "不能管理用户 enyang-edu");
    assertRefused(rest(ADMIN, HttpMethod.DELETE, "/engine-rest/user/enyang-edu", null), 403, "不能管理用户 enyang-edu");
    assertRefused(rest(ADMIN, HttpMethod.PUT, "/engine-rest/group/enyang-education/members/qijiang-clerk3", null),
        403, "不能调整组 enyang-education 的成员");
    assertRefused(rest(ADMIN, HttpMethod.PUT, "/engine-rest/group/budgetUnit/members/enyang-edu", null),
        403, "不能管理用户 enyang-edu");
    assertRefused(rest(ADMIN, HttpMethod.PUT, "/engine-rest/tenant/enyang/user-members/qijiang-clerk3", null),
        403, "不能调整 enyang 中的 qijiang-clerk3");
    assertRefused(rest(ADMIN, HttpMethod.PUT, "/engine-rest/group/enyang-education",
        Map.of("id", "enyang-education", "name", "改名", "type", "DEPARTMENT")), 403, "不能修改组 enyang-education");
    assertThat(identityService.createUserQuery().userId("enyang-edu").singleResult().getFirstName()).isNotEqualTo("改");
    assertThat(identityService.createTenantQuery().userMember("qijiang-clerk3").list())
        .extracting(t -> t.getId()).containsExactly("qijiang");
  }

  @Test
  void creatingAUserWhoseIdIsTakenByAnotherDistrictTakesNothingOver() {
    ResponseEntity<JsonNode> taken = rest(ADMIN, HttpMethod.POST, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "enyang-edu", "firstName", "冒", "lastName", "名"),
        "credentials", Map.of("password", "Kw9-taken-over!")));

    assertThat(taken.getStatusCode().value()).as("%s", taken.getBody()).isBetween(400, 499);
    assertThat(identityService.createTenantQuery().userMember("enyang-edu").list())
        .extracting(t -> t.getId()).containsExactly("enyang");
    assertThat(identityService.checkPassword("enyang-edu", "Kw9-taken-over!")).isFalse();
  }

  @Test
  void noAdministratorRoleNoAdministratorAndNoAuthorizationIsTheDistrictAdministratorsToGive() {
    createUser(ADMIN, "qijiang-clerk4");

    assertRefused(rest(ADMIN, HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/qijiang-clerk4", null),
        403, "不能授予管理员角色");
    assertRefused(rest(ADMIN, HttpMethod.PUT, "/engine-rest/group/districtAdmin/members/qijiang-clerk4", null),
        403, "不能授予管理员角色");
    assertRefused(rest(ADMIN, HttpMethod.PUT, "/engine-rest/user/demo/credentials",
        Map.of("password", "Kw9-taken-over!", "authenticatedUserPassword", "demo")), 403, "不能管理用户 demo");
    assertRefused(rest(ADMIN, HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", List.of("ALL"), "userId", "qijiang-clerk4", "resourceType", 0, "resourceId", "*")),
        403, "不能修改授权");
    assertRefused(rest(ADMIN, HttpMethod.POST, "/engine-rest/tenant/create", Map.of("id", "qijiang2", "name", "新区")),
        403, "不能新建、修改或删除辖区");
    assertRefused(rest(ADMIN, HttpMethod.PUT, "/engine-rest/user/qijiang-clerk4/profile",
        Map.of("id", "demo", "firstName", "冒", "lastName", "名")), 400, "编号不能修改");
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("qijiang-clerk4").count()).isZero();
    assertThat(identityService.createUserQuery().userId("demo").singleResult().getFirstName()).isNotEqualTo("冒");
  }

  @Test
  void aDepartmentTheDistrictAdministratorCreatesIsInItsDistrictAndCarriesItsPrefix() {
    ResponseEntity<JsonNode> created = rest(ADMIN, HttpMethod.POST, "/engine-rest/group/create",
        Map.of("id", "qijiang-culture", "name", "綦江区文化旅游委员会", "type", "DEPARTMENT"));
    groups.add("qijiang-culture");
    ResponseEntity<JsonNode> foreign = rest(ADMIN, HttpMethod.POST, "/engine-rest/group/create",
        Map.of("id", "enyang-culture", "name", "恩阳区文化局", "type", "DEPARTMENT"));

    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(204);
    assertThat(identityService.createTenantQuery().groupMember("qijiang-culture").list())
        .extracting(t -> t.getId()).containsExactly("qijiang");
    assertRefused(foreign, 403, "须以本辖区编号开头");
    assertThat(identityService.createGroupQuery().groupId("enyang-culture").count()).isZero();
  }

  @Test
  void adminIsOpenToTheDistrictAdministratorAndItsApiKeepsTheSameBounds() {
    WebappLogin admin = new WebappLogin(http);
    ResponseEntity<String> login = admin.login("admin", ADMIN, "demo");

    assertThat(login.getStatusCode().value()).isEqualTo(200);
    assertThat(login.getBody()).contains("\"admin\"", "\"cockpit\"");
    ResponseEntity<JsonNode> created = admin.exchange(HttpMethod.POST, "/camunda/api/engine/engine/default/user/create",
        Map.of("profile", Map.of("id", "qijiang-clerk5", "firstName", "孙", "lastName", "卫生健康委经办人"),
            "credentials", Map.of("password", "Kw9-clerk-five!")), JsonNode.class);
    users.add("qijiang-clerk5");
    ResponseEntity<JsonNode> foreign = admin.exchange(HttpMethod.PUT,
        "/camunda/api/engine/engine/default/user/enyang-edu/profile",
        Map.of("id", "enyang-edu", "firstName", "改", "lastName", "名"), JsonNode.class);

    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(204);
    assertThat(identityService.createTenantQuery().userMember("qijiang-clerk5").list())
        .extracting(t -> t.getId()).containsExactly("qijiang");
    assertRefused(foreign, 403, "不能管理用户 enyang-edu");
  }

  // --- helpers ---

  private ProjectView apply(String amount) {
    return projects.apply(ApplyProjectRequest.of("QJ-DA-" + System.nanoTime(), "社区文化活动补助政策", "qijiang",
        "qijiang-education", ItemType.GENERAL_POLICY, new BigDecimal(amount), true), callers.of("qijiang-edu"));
  }

  private static byte[] loweredThreshold() throws IOException {
    return Files.readString(Path.of("processes/districts/qijiang/ex-ante-rules.dmn"), StandardCharsets.UTF_8)
        .replace("&gt;= 5000000", "&gt;= 4000000")
        .replace("普惠性政策金额大于等于500万元（綦江区）", "普惠性政策金额大于等于400万元（綦江区，Modeler 修订）")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** As Camunda Modeler deploys: multipart with deployment-name, deployment-source, tenant-id and the files. */
  private ResponseEntity<JsonNode> deploy(String user, String tenant, String name, Map<String, byte[]> files) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", name);
    form.add("deployment-source", "Camunda Modeler");
    if (tenant != null) {
      form.add("tenant-id", tenant);
    }
    files.forEach((file, content) -> form.add(file, new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return file;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), JsonNode.class);
    if (response.getStatusCode().is2xxSuccessful()) {
      deployments.add(response.getBody().get("id").asText());
    }
    return response;
  }

  private ResponseEntity<JsonNode> createUser(String admin, String id) {
    ResponseEntity<JsonNode> response = rest(admin, HttpMethod.POST, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", "周", "lastName", "经办人", "email", id + "@demo.jixiao.local"),
        "credentials", Map.of("password", "Kw9-new-clerk!")));
    users.add(id);
    return response;
  }

  private ResponseEntity<JsonNode> rest(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, int status, String message) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
    assertThat(response.getBody().get("message").asText()).contains(message);
  }
}
