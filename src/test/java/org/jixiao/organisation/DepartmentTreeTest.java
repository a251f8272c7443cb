package org.jixiao.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.jixiao.PlatformTest;
import org.jixiao.identity.Departments;
import org.jixiao.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The department tree (部门树) over {@code /api/departments}: every user of a district reads its tree, another
 * district's reads as one that does not exist; administrators add departments, and the tree refuses a unit
 * without a 主管部门 of the same district (400), a code outside the scheme (400) and a duplicate (409). Every
 * department created is a Camunda group of type DEPARTMENT in the district's tenant.
 */
@PlatformTest
class DepartmentTreeTest {

  /** The demo profile's administrator. */
  static final String ADMIN = "demo";
  static final String ADMIN_PASSWORD = "demo";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired Departments departments;

  @Test
  void everyUserOfTheDistrictReadsItsTreeWithCodesKindsParentsAndGroups() {
    ResponseEntity<JsonNode> tree = http.withBasicAuth("qijiang-edu", "demo")
        .getForEntity("/api/departments?district=qijiang", JsonNode.class);

    assertThat(tree.getStatusCode().value()).isEqualTo(200);
    List<String> rows = new ArrayList<>();
    for (JsonNode d : tree.getBody()) {
      // the demo tree (other tests add departments to the shared context)
      if (List.of("101", "101001", "101002", "102", "102001", "102002").contains(d.get("code").asText())) {
        rows.add(d.get("code").asText() + " " + d.get("name").asText() + " " + d.get("kind").asText() + " "
            + d.get("kindLabel").asText() + " " + d.path("parent").asText("null") + " " + d.get("groupId").asText());
      }
    }
    assertThat(rows).containsExactly(
        "101 綦江区教育局 SUPERVISING 主管部门 null qijiang-edu-bureau",
        "101001 綦江区教育局本级 UNIT 所属单位 101 qijiang-education",
        "101002 綦江区第一中学 UNIT 所属单位 101 qijiang-school1",
        "102 綦江区卫生健康委员会 SUPERVISING 主管部门 null qijiang-health-commission",
        "102001 綦江区卫生健康委员会本级 UNIT 所属单位 102 qijiang-health",
        "102002 綦江区人民医院 UNIT 所属单位 102 qijiang-hospital");
    assertThat(http.withBasicAuth("qijiang-perf", "demo").getForEntity("/api/departments?district=qijiang",
        JsonNode.class).getStatusCode().value()).isEqualTo(200);
    // without a district: the caller's own districts
    JsonNode own = http.withBasicAuth("enyang-health", "demo").getForEntity("/api/departments", JsonNode.class)
        .getBody();
    assertThat(own).isNotEmpty().allSatisfy(d -> assertThat(d.get("district").asText()).isEqualTo("enyang"));
  }

  @Test
  void anotherDistrictsTreeReadsAsADistrictThatDoesNotExist() {
    ResponseEntity<JsonNode> other = http.withBasicAuth("enyang-supervisor", "demo")
        .getForEntity("/api/departments?district=qijiang", JsonNode.class);
    ResponseEntity<JsonNode> none = http.withBasicAuth("enyang-supervisor", "demo")
        .getForEntity("/api/departments?district=nowhere", JsonNode.class);

    assertThat(other.getStatusCode().value()).isEqualTo(404);
    assertThat(other.getBody().get("message").asText()).isEqualTo("辖区不存在：qijiang");
    assertThat(none.getStatusCode().value()).isEqualTo(404);
    assertThat(none.getBody().get("message").asText()).isEqualTo("辖区不存在：nowhere");
  }

  @Test
  void anAdministratorAddsASupervisingDepartmentAndAUnitEachAGroupOfTheDistrict() {
    ResponseEntity<JsonNode> bureau = post(ADMIN, department("qijiang", "901", "綦江区交通局", "SUPERVISING", null));
    ResponseEntity<JsonNode> unit = post(ADMIN, department("qijiang", "901001", "綦江区公路养护中心", "UNIT", "901"));

    assertThat(bureau.getStatusCode().value()).isEqualTo(201);
    assertThat(bureau.getBody().get("groupId").asText()).isEqualTo("qijiang-901");
    assertThat(bureau.getBody().get("kindLabel").asText()).isEqualTo("主管部门");
    assertThat(unit.getStatusCode().value()).isEqualTo(201);
    assertThat(unit.getBody().get("parent").asText()).isEqualTo("901");
    assertThat(bureau.getBody().path("parent").isMissingNode() || bureau.getBody().get("parent").isNull()).isTrue();
    Group group = identityService.createGroupQuery().groupId("qijiang-901001").singleResult();
    assertThat(group.getType()).isEqualTo(Role.DEPARTMENT_TYPE);
    assertThat(group.getName()).isEqualTo("綦江区公路养护中心");
    assertThat(identityService.createTenantQuery().groupMember("qijiang-901001").singleResult().getId())
        .isEqualTo("qijiang");
    assertThat(departments.reviewerGroupOf("qijiang-901001")).isEqualTo("qijiang-901");
    assertThat(departments.reviewerGroupOf("qijiang-901")).as("a 主管部门 itself: the role group")
        .isEqualTo(Role.SUPERVISING_DEPARTMENT.groupId());
  }

  @Test
  void aDuplicateCodeOrGroupIsAConflictAndNothingIsWritten() {
    assertThat(post(ADMIN, department("qijiang", "902", "綦江区水利局", "SUPERVISING", null)).getStatusCode().value())
        .isEqualTo(201);

    ResponseEntity<JsonNode> again = post(ADMIN, department("qijiang", "902", "綦江区水务局", "SUPERVISING", null));
    Map<String, Object> sameGroup = department("qijiang", "903", "綦江区水务局", "SUPERVISING", null);
    sameGroup.put("groupId", "qijiang-902");
    ResponseEntity<JsonNode> group = post(ADMIN, sameGroup);
    Map<String, Object> roleGroup = department("qijiang", "904", "冒名部门", "SUPERVISING", null);
    roleGroup.put("groupId", "camunda-admin");

    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("message").asText()).isEqualTo("部门编码已存在：qijiang 902");
    assertThat(group.getStatusCode().value()).isEqualTo(409);
    assertThat(group.getBody().get("message").asText()).contains("qijiang-902");
    ResponseEntity<JsonNode> role = post(ADMIN, roleGroup);
    assertThat(role.getStatusCode().value()).isEqualTo(409);
    assertThat(role.getBody().get("message").asText()).isEqualTo("用户组已存在且不是部门：camunda-admin");
    assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getType())
        .isNotEqualTo(Role.DEPARTMENT_TYPE);
    assertThat(departments.tree("qijiang")).extracting(Departments.Node::code).doesNotContain("903", "904");
    assertThat(departments.ofGroup("qijiang-902").orElseThrow().name()).isEqualTo("綦江区水利局");
  }

  @Test
  void aUnitNeedsAKnownSupervisingDepartmentOfItsOwnDistrictAsParent() {
    assertThat(post(ADMIN, department("enyang", "905", "恩阳区交通运输局", "SUPERVISING", null))
        .getStatusCode().value()).isEqualTo(201);

    assertRefused(post(ADMIN, department("qijiang", "199001", "无上级单位", "UNIT", "199")),
        "上级部门不存在：qijiang 199");
    assertRefused(post(ADMIN, department("qijiang", "905001", "借用他区上级的单位", "UNIT", "905")),
        "上级部门不存在：qijiang 905");
    assertRefused(post(ADMIN, department("qijiang", "101001001", "单位下的单位", "UNIT", "101001")),
        "上级部门须为本辖区的主管部门：101001 是所属单位");
    assertRefused(post(ADMIN, department("qijiang", "906001", "没有上级", "UNIT", null)),
        "所属单位须填写上级主管部门的部门编码");
    assertRefused(post(ADMIN, department("qijiang", "101777x", "编码不合规", "UNIT", "101")),
        "所属单位的部门编码应为上级主管部门编码加 3 位数字，例如 101001：101777x");
    assertRefused(post(ADMIN, department("qijiang", "9070", "编码不合规", "SUPERVISING", null)),
        "主管部门的部门编码应为 3 位数字，例如 101：9070");
    assertRefused(post(ADMIN, department("qijiang", "908", "有上级的主管部门", "SUPERVISING", "101")),
        "主管部门没有上级部门，请不要填写上级部门编码");
    assertRefused(post(ADMIN, department("nowhere", "909", "无此辖区", "SUPERVISING", null)), "辖区不存在：nowhere");
    assertRefused(post(ADMIN, department("qijiang", "910", " ", "SUPERVISING", null)), "请填写部门名称（不超过 100 个字）");
    ResponseEntity<JsonNode> kind = post(ADMIN, department("qijiang", "911", "类型不明", "BUREAU", null));
    assertThat(kind.getStatusCode().value()).isEqualTo(400);
    assertThat(kind.getBody().get("message").asText()).contains("kind");

    assertThat(departments.tree("qijiang")).extracting(Departments.Node::code)
        .doesNotContain("199001", "905001", "101001001", "906001", "101777x", "9070", "908", "910", "911");
    assertThat(identityService.createGroupQuery().groupId("qijiang-905001").count()).isZero();
  }

  @Test
  void aDistrictAdministratorAddsDepartmentsToItsOwnDistrictOnly() {
    ResponseEntity<JsonNode> own = postAs("qijiang-admin", "demo", department("qijiang", "913", "綦江区民政局", "SUPERVISING", null));
    ResponseEntity<JsonNode> other = postAs("qijiang-admin", "demo", department("enyang", "913", "恩阳区民政局", "SUPERVISING", null));

    assertThat(own.getStatusCode().value()).isEqualTo(201);
    assertThat(own.getBody().get("name").asText()).isEqualTo("綦江区民政局");
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(other.getBody().get("message").asText()).isEqualTo("只有系统管理员或本辖区的辖区管理员可以维护部门树");
    assertThat(departments.tree("enyang")).extracting(Departments.Node::code).doesNotContain("913");
  }

  @Test
  void onlyAnAdministratorAddsDepartments() {
    ResponseEntity<JsonNode> unit = postAs("qijiang-edu", "demo",
        department("qijiang", "912", "自封主管部门", "SUPERVISING", null));
    ResponseEntity<JsonNode> supervisor = postAs("qijiang-supervisor", "demo",
        department("qijiang", "101003", "自设单位", "UNIT", "101"));

    assertThat(unit.getStatusCode().value()).isEqualTo(403);
    assertThat(unit.getBody().get("message").asText()).isEqualTo("只有系统管理员或本辖区的辖区管理员可以维护部门树");
    assertThat(supervisor.getStatusCode().value()).isEqualTo(403);
    assertThat(departments.tree("qijiang")).extracting(Departments.Node::code).doesNotContain("912", "101003");
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, String message) {
    assertThat(response.getStatusCode().value()).as(message).isEqualTo(400);
    assertThat(response.getBody().get("message").asText()).isEqualTo(message);
  }

  private static Map<String, Object> department(String district, String code, String name, String kind,
      String parent) {
    Map<String, Object> body = new HashMap<>();
    body.put("district", district);
    body.put("code", code);
    body.put("name", name);
    body.put("kind", kind);
    body.put("parent", parent);
    return body;
  }

  private ResponseEntity<JsonNode> post(String user, Map<String, Object> body) {
    return postAs(user, ADMIN_PASSWORD, body);
  }

  private ResponseEntity<JsonNode> postAs(String user, String password, Map<String, Object> body) {
    return http.withBasicAuth(user, password).postForEntity("/api/departments", body, JsonNode.class);
  }
}
