package org.jixiao.demo;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.district.District;
import org.jixiao.identity.DepartmentKind;
import org.jixiao.identity.Role;

/**
 * The demo profile's people: per district two 主管部门 (教育局, 卫生健康委员会) with two 所属单位 each, a budget-unit
 * user per unit, a supervisor per 主管部门 and one user per other role.
 */
final class DemoUsers {

  /** A department of the district's tree; {@code parentCode} is null for a 主管部门. */
  record Department(String id, String code, String name, DepartmentKind kind, String parentCode) {}

  /** A demo user: id, Chinese name, title shown after it, role, and their department (unit or 主管部门). */
  record DemoUser(String id, String name, String title, Role role, Department department) {}

  private static final String[] NAMES = {
      "王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴强", "徐丽", "孙浩",
      "马骏", "朱琳", "胡斌", "郭芳", "何涛", "高雅", "林峰", "罗霞", "郑凯", "梁晨", "谢薇", "宋涛"};

  private DemoUsers() {}

  /**
   * The tree, 主管部门 first: 101 教育局 → 101001 教育局本级 ({@code <d>-education}), 101002 第一中学; 102 卫生健康委员会
   * → 102001 卫生健康委员会本级 ({@code <d>-health}), 102002 人民医院. The two units of before keep their group ids.
   */
  static List<Department> departments(District district) {
    String d = district.id();
    String n = district.name();
    return List.of(
        new Department(d + "-edu-bureau", "101", n + "教育局", DepartmentKind.SUPERVISING, null),
        new Department(d + "-health-commission", "102", n + "卫生健康委员会", DepartmentKind.SUPERVISING, null),
        new Department(d + "-education", "101001", n + "教育局本级", DepartmentKind.UNIT, "101"),
        new Department(d + "-school1", "101002", n + "第一中学", DepartmentKind.UNIT, "101"),
        new Department(d + "-health", "102001", n + "卫生健康委员会本级", DepartmentKind.UNIT, "102"),
        new Department(d + "-hospital", "102002", n + "人民医院", DepartmentKind.UNIT, "102"));
  }

  /** Ids are {@code <district>-<function>}; names differ between districts so screenshots tell them apart. */
  static List<DemoUser> of(District district, int districtIndex) {
    List<Department> departments = departments(district);
    Department eduBureau = departments.get(0);
    Department healthCommission = departments.get(1);
    String d = district.id();
    String n = district.name();
    // new people come last, so that everyone of before keeps their name
    Object[][] people = {
        {"edu", departments.get(2).name() + " 预算单位经办人", Role.BUDGET_UNIT, departments.get(2)},
        {"health", departments.get(4).name() + " 预算单位经办人", Role.BUDGET_UNIT, departments.get(4)},
        {"supervisor", eduBureau.name() + " 主管部门审核人", Role.SUPERVISING_DEPARTMENT, eduBureau},
        {"perf", n + "财政局绩效科", Role.FINANCE_PERFORMANCE, null},
        {"budget", n + "财政局预算科", Role.FINANCE_BUDGET, null},
        {"committee", n + "预算（资金）管理委员会", Role.BUDGET_COMMITTEE, null},
        {"expert1", n + " 评审专家", Role.EXPERT, null},
        {"expert2", n + " 评审专家", Role.EXPERT, null},
        {"expert3", n + " 评审专家", Role.EXPERT, null},
        {"expert4", n + " 评审专家", Role.EXPERT, null},
        {"expert5", n + " 评审专家", Role.EXPERT, null},
        {"expert6", n + " 评审专家", Role.EXPERT, null},
        {"expert7", n + " 评审专家", Role.EXPERT, null},
        {"thirdparty", n + " 第三方评价机构", Role.THIRD_PARTY, null},
        {"npc", n + "人大预算工委", Role.NPC_OBSERVER, null},
        {"edu2", departments.get(3).name() + " 预算单位经办人", Role.BUDGET_UNIT, departments.get(3)},
        {"health2", departments.get(5).name() + " 预算单位经办人", Role.BUDGET_UNIT, departments.get(5)},
        {"supervisor-health", healthCommission.name() + " 主管部门审核人", Role.SUPERVISING_DEPARTMENT,
            healthCommission}};
    List<DemoUser> users = new ArrayList<>();
    for (int i = 0; i < people.length; i++) {
      Object[] p = people[i];
      users.add(new DemoUser(d + "-" + p[0], NAMES[(districtIndex * 7 + i) % NAMES.length], (String) p[1],
          (Role) p[2], (Department) p[3]));
    }
    return users;
  }
}
