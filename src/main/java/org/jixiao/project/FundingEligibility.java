package org.jixiao.project;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The gate later stages ask before money moves: whether the project may be budgeted (安排预算), procured
 * (招投标采购) and paid (拨付资金), and if not, why. Jilin 22: 应评未评 may none of the three. Each reason says
 * which of the three it closes (by default all); {@code eligible} is true only when none is closed.
 */
public record FundingEligibility(String code, boolean eligible, boolean budgetable, boolean procurable,
    boolean payable, List<Reason> reasons) {

  /** What a reason can close. */
  public enum Gate {
    /** 安排预算 */
    BUDGET,
    /** 招投标采购 */
    PROCUREMENT,
    /** 拨付资金 */
    PAYMENT
  }

  /** A reason the gate is closed: a stable code, a Chinese explanation, and what it closes. */
  public record Reason(String code, String message, Set<Gate> closes) {

    public Reason {
      closes = closes == null || closes.isEmpty() ? Set.copyOf(EnumSet.allOf(Gate.class)) : Set.copyOf(closes);
    }

    /** A reason that closes budgeting, procurement and payment. */
    public Reason(String code, String message) {
      this(code, message, EnumSet.allOf(Gate.class));
    }
  }

  static FundingEligibility of(Project project, List<FundingCondition> conditions) {
    List<Reason> reasons = new java.util.ArrayList<>();
    ProjectRef ref = ProjectRef.of(project);
    // the stages' own conditions first (the ex-ante assessment's 应评未评, then goals, …), in bean order
    for (FundingCondition condition : conditions) {
      reasons.addAll(condition.reasonsAgainst(ref));
    }
    if (project.getStatus() != ProjectStatus.LISTED) {
      reasons.add(new Reason("NOT_LISTED", "项目未入库（当前状态：" + project.getStatus().label() + "）"));
    }
    boolean budgetable = reasons.stream().noneMatch(r -> r.closes().contains(Gate.BUDGET));
    boolean procurable = reasons.stream().noneMatch(r -> r.closes().contains(Gate.PROCUREMENT));
    boolean payable = reasons.stream().noneMatch(r -> r.closes().contains(Gate.PAYMENT));
    return new FundingEligibility(project.getCode(), reasons.isEmpty(), budgetable, procurable, payable,
        List.copyOf(reasons));
  }
}
