package org.jixiao.identity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department tree of each district (主管部门 → 所属单位) and the one place that keeps it in step with the
 * engine: every department is a Camunda group of type {@link Role#DEPARTMENT_TYPE} in its district's tenant,
 * created or adopted here. It answers who reviews a unit (its 主管部门's group, the candidate group of every
 * 初审) and which departments a supervisor reads.
 *
 * <p>A department group the tree does not hold (created in Admin or before the tree existed) is "unplaced":
 * its 初审 goes to the district's role group {@code supervisingDepartment}, and every supervisor of the
 * district reads it, as before the tree. Placing it in the tree (creating a node with its group id) ends that.
 */
@Service
public class Departments {

  /**
   * The process variable naming the group of a unit's 主管部门, set by the services that start a process from
   * {@link #reviewerGroupOf}; the supervisor tasks name it as candidate group. A routing variable: no task
   * completion or variable write may carry it (stage.TaskInputs refuses every undeclared name).
   */
  public static final String VAR_SUPERVISING_DEPARTMENT_GROUP = "supervisingDepartmentGroup";
  /** The process variable naming the unit's own group, set by the same services. */
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";

  private static final Pattern SUPERVISING_CODE = Pattern.compile("\\d{3}");
  private static final Pattern UNIT_SUFFIX = Pattern.compile("\\d{3}");
  private static final Pattern GROUP_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final DepartmentRepository departments;
  private final IdentityService identityService;

  Departments(DepartmentRepository departments, IdentityService identityService) {
    this.departments = departments;
    this.identityService = identityService;
  }

  /** A department to create: its group id may be left out ({@code <district>-<code>}). */
  public record NewDepartment(String district, String code, String name, DepartmentKind kind, String parentCode,
      String groupId) {}

  /** A department as the API shows it. */
  public record Node(String code, String name, DepartmentKind kind, String parentCode, String groupId,
      String district) {}

  /**
   * Creates a department and its Camunda group (or places an existing department group, one the tree does not
   * hold yet, in the tree). Refused: an unknown district, a code outside the scheme, a unit without a 主管部门 of
   * the same district as parent (400); a code or group the tree holds already (409).
   */
  @Transactional
  public Node create(NewDepartment request) {
    NewDepartment d = checked(request);
    if (departments.findByDistrictAndCode(d.district(), d.code()).isPresent()) {
      throw DepartmentRefused.conflict("部门编码已存在：" + d.district() + " " + d.code());
    }
    if (departments.existsByGroupId(d.groupId())) {
      throw DepartmentRefused.conflict("部门用户组已属于部门树：" + d.groupId());
    }
    Group existing = identityService.createGroupQuery().groupId(d.groupId()).singleResult();
    if (existing != null && !Role.DEPARTMENT_TYPE.equals(existing.getType())) {
      throw DepartmentRefused.conflict("用户组已存在且不是部门：" + d.groupId());
    }
    if (existing != null && identityService.createTenantQuery().tenantId(d.district()).groupMember(d.groupId())
        .count() == 0 && identityService.createTenantQuery().groupMember(d.groupId()).count() > 0) {
      throw DepartmentRefused.conflict("部门用户组属于其他辖区：" + d.groupId());
    }
    Department saved = departments.save(new Department(d.district(), d.code(), d.name(), d.kind(), d.parentCode(),
        d.groupId(), OffsetDateTime.now()));
    syncGroup(saved);
    return saved.node();
  }

  /** The department as given if its code is not in the district's tree yet, else the one there (demo data). */
  @Transactional
  public Node ensure(NewDepartment request) {
    return departments.findByDistrictAndCode(request.district(), request.code())
        .map(existing -> {
          syncGroup(existing);
          return existing.node();
        })
        .orElseGet(() -> create(request));
  }

  /** The district's tree, 主管部门 each followed by their units (the codes sort that way). */
  @Transactional(readOnly = true)
  public List<Node> tree(String district) {
    return departments.findByDistrictOrderByCodeAsc(district).stream().map(Department::node).toList();
  }

  /** The node of a department group, if the tree holds it. */
  @Transactional(readOnly = true)
  public java.util.Optional<Node> ofGroup(String groupId) {
    return departments.findByGroupId(groupId).map(Department::node);
  }

  /**
   * Who does the 初审 of a department's applications and goals: the group of its 主管部门; the district's role
   * group {@code supervisingDepartment} for a department outside the tree (or a 主管部门 itself).
   */
  @Transactional(readOnly = true)
  public String reviewerGroupOf(String departmentGroupId) {
    return departments.findByGroupId(departmentGroupId)
        .filter(d -> d.getKind() == DepartmentKind.UNIT)
        .flatMap(d -> departments.findByDistrictAndCode(d.getDistrict(), d.getParentCode()))
        .map(Department::getGroupId)
        .orElse(Role.SUPERVISING_DEPARTMENT.groupId());
  }

  /** {@link #reviewerGroupOf} for many departments at once (startup reconciliation). */
  @Transactional(readOnly = true)
  public Map<String, String> reviewerGroupsOf(Collection<String> departmentGroupIds) {
    Map<String, Department> placed = departments.findByGroupIdIn(Set.copyOf(departmentGroupIds)).stream()
        .collect(Collectors.toMap(Department::getGroupId, d -> d));
    Map<String, String> parents = new java.util.HashMap<>();
    for (String group : departmentGroupIds) {
      Department d = placed.get(group);
      String reviewer = d == null || d.getKind() != DepartmentKind.UNIT ? null
          : departments.findByDistrictAndCode(d.getDistrict(), d.getParentCode()).map(Department::getGroupId)
              .orElse(null);
      parents.put(group, reviewer == null ? Role.SUPERVISING_DEPARTMENT.groupId() : reviewer);
    }
    return parents;
  }

  /**
   * The departments whose records a supervisor reads (the caller's groups, the districts they work in): for
   * each 主管部门 they belong to, itself and its units; and every department of those districts outside the tree
   * (reviewed by the whole role group, as before the tree). Empty for a caller without the supervisor role.
   */
  @Transactional(readOnly = true)
  public Set<String> reviewedBy(Set<String> groupIds, Set<String> districts) {
    if (!groupIds.contains(Role.SUPERVISING_DEPARTMENT.groupId()) || districts.isEmpty()) {
      return Set.of();
    }
    List<Department> inDistricts = departments.findByDistrictIn(districts);
    Set<String> reviewed = new TreeSet<>();
    for (Department supervising : inDistricts) {
      if (supervising.getKind() == DepartmentKind.SUPERVISING && groupIds.contains(supervising.getGroupId())) {
        reviewed.add(supervising.getGroupId());
        inDistricts.stream()
            .filter(u -> u.getDistrict().equals(supervising.getDistrict())
                && supervising.getCode().equals(u.getParentCode()))
            .forEach(u -> reviewed.add(u.getGroupId()));
      }
    }
    Set<String> placed = inDistricts.stream().map(Department::getGroupId).collect(Collectors.toSet());
    for (String district : districts) {
      identityService.createGroupQuery().groupType(Role.DEPARTMENT_TYPE).memberOfTenant(district).list().stream()
          .map(Group::getId).filter(g -> !placed.contains(g)).forEach(reviewed::add);
    }
    return reviewed;
  }

  /** Every Camunda department group (placed or not), for the startup reconciliation. */
  Set<String> allDepartmentGroups() {
    Set<String> groups = new HashSet<>();
    identityService.createGroupQuery().groupType(Role.DEPARTMENT_TYPE).list().forEach(g -> groups.add(g.getId()));
    return groups;
  }

  private NewDepartment checked(NewDepartment d) {
    if (d == null) {
      throw DepartmentRefused.invalid("请填写部门信息");
    }
    String district = strip(d.district());
    if (district == null) {
      throw DepartmentRefused.invalid("请填写辖区");
    }
    if (identityService.createTenantQuery().tenantId(district).count() == 0) {
      throw DepartmentRefused.invalid("辖区不存在：" + district);
    }
    String name = strip(d.name());
    if (name == null || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
      throw DepartmentRefused.invalid("请填写部门名称（不超过 100 个字）");
    }
    if (d.kind() == null) {
      throw DepartmentRefused.invalid("请选择部门类型：SUPERVISING（主管部门）或 UNIT（所属单位）");
    }
    String code = strip(d.code());
    String parentCode = strip(d.parentCode());
    if (d.kind() == DepartmentKind.SUPERVISING) {
      if (parentCode != null) {
        throw DepartmentRefused.invalid("主管部门没有上级部门，请不要填写上级部门编码");
      }
      if (code == null || !SUPERVISING_CODE.matcher(code).matches()) {
        throw DepartmentRefused.invalid("主管部门的部门编码应为 3 位数字，例如 101：" + (code == null ? "" : code));
      }
    } else {
      if (parentCode == null) {
        throw DepartmentRefused.invalid("所属单位须填写上级主管部门的部门编码");
      }
      Department parent = departments.findByDistrictAndCode(district, parentCode)
          .orElseThrow(() -> DepartmentRefused.invalid("上级部门不存在：" + district + " " + parentCode));
      if (parent.getKind() != DepartmentKind.SUPERVISING) {
        throw DepartmentRefused.invalid("上级部门须为本辖区的主管部门：" + parentCode + " 是所属单位");
      }
      if (code == null || !code.startsWith(parentCode)
          || !UNIT_SUFFIX.matcher(code.substring(parentCode.length())).matches()) {
        throw DepartmentRefused.invalid("所属单位的部门编码应为上级主管部门编码加 3 位数字，例如 " + parentCode
            + "001：" + (code == null ? "" : code));
      }
    }
    String groupId = strip(d.groupId()) == null ? district + "-" + code : strip(d.groupId());
    if (!GROUP_ID.matcher(groupId).matches()) {
      throw DepartmentRefused.invalid("部门用户组编号只能使用小写字母、数字和连字符（不超过 64 个字符）：" + groupId);
    }
    return new NewDepartment(district, code, name, d.kind(), parentCode, groupId);
  }

  /** The department's Camunda group exists, carries its name and belongs to its district's tenant. */
  private void syncGroup(Department d) {
    Group group = identityService.createGroupQuery().groupId(d.getGroupId()).singleResult();
    if (group == null) {
      group = identityService.newGroup(d.getGroupId());
      group.setType(Role.DEPARTMENT_TYPE);
      group.setName(d.getName());
      identityService.saveGroup(group);
    } else if (!d.getName().equals(group.getName())) {
      group.setName(d.getName());
      identityService.saveGroup(group);
    }
    if (identityService.createTenantQuery().tenantId(d.getDistrict()).groupMember(d.getGroupId()).count() == 0) {
      identityService.createTenantGroupMembership(d.getDistrict(), d.getGroupId());
    }
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
