package org.jixiao.project;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jixiao.identity.Role;

/**
 * A project as the API shows it, with its opinion history in the order given. Codes come with their
 * Chinese labels ({@code statusLabel}, {@code decisionLabel}, {@code reviewerRoleLabel}) for forms.
 */
public record ProjectView(String code, String name, String district, String department,
    String departmentName, BigDecimal amount,
    ProjectStatus status, String statusLabel, String applicant, String processInstanceId,
    OffsetDateTime createdAt, OffsetDateTime updatedAt, List<OpinionView> opinions) {

  public record OpinionView(String step, String stepName, String reviewer, String reviewerName, String reviewerRole,
      String reviewerRoleLabel, ReviewDecision decision, String decisionLabel, String comment,
      OffsetDateTime givenAt) {}

  /** Display names of users and groups, by id; an unknown id shows as itself. */
  interface Names {
    String user(String userId);

    String group(String groupId);
  }

  static ProjectView of(Project p, Names names) {
    return new ProjectView(p.getCode(), p.getName(), p.getDistrict(), p.getDepartment(),
        names.group(p.getDepartment()), p.getAmount(), p.getStatus(), p.getStatus().label(), p.getApplicant(),
        p.getProcessInstanceId(), p.getCreatedAt(), p.getUpdatedAt(),
        p.getOpinions().stream().map(o -> of(o, names)).toList());
  }

  private static OpinionView of(Opinion o, Names names) {
    return new OpinionView(o.getStep(), o.getStepName(), o.getReviewer(), names.user(o.getReviewer()),
        o.getReviewerRole(),
        Role.ofGroup(o.getReviewerRole()).map(Role::chineseName).orElse(o.getReviewerRole()),
        o.getDecision(), o.getDecision().label(), o.getComment(), o.getGivenAt());
  }
}
