package org.jixiao.demo;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.district.District;
import org.jixiao.identity.Role;

/** The demo profile's people: per district two budget units of different departments and one user per role. */
final class DemoUsers {

  /** A department of the district, the budget unit's own organisation. */
  record Department(String id, String name) {}

  /** A demo user: id, Chinese name, title shown after it, role, and for budget units their department. */
  record DemoUser(String id, String name, String title, Role role, Department department) {}

  private static final String[] NAMES = {
      "王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴强", "徐丽", "孙浩",
      "马骏", "朱琳", "胡斌", "郭芳", "何涛", "高雅", "林峰", "罗霞", "郑凯", "梁晨", "谢薇", "宋涛"};

  private DemoUsers() {}

  static List<Department> departments(District district) {
    return List.of(
        new Department(district.id() + "-education", district.name() + "教育局"),
        new Department(district.id() + "-health", district.name() + "卫生健康委员会"));
  }

  /** Ids are {@code <district>-<function>}; names differ between districts so screenshots tell them apart. */
  static List<DemoUser> of(District district, int districtIndex) {
    List<Department> departments = departments(district);
    String d = district.id();
    String n = district.name();
    Object[][] people = {
        {"edu", departments.get(0).name() + " 预算单位经办人", Role.BUDGET_UNIT, departments.get(0)},
        {"health", departments.get(1).name() + " 预算单位经办人", Role.BUDGET_UNIT, departments.get(1)},
        {"supervisor", n + " 主管部门审核人", Role.SUPERVISING_DEPARTMENT, null},
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
        {"npc", n + "人大预算工委", Role.NPC_OBSERVER, null}};
    List<DemoUser> users = new ArrayList<>();
    for (int i = 0; i < people.length; i++) {
      Object[] p = people[i];
      users.add(new DemoUser(d + "-" + p[0], NAMES[(districtIndex * 7 + i) % NAMES.length], (String) p[1],
          (Role) p[2], (Department) p[3]));
    }
    return users;
  }
}
