package org.jixiao.project;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A project as the API shows it, with its opinion history in the order given. */
public record ProjectView(String code, String name, String district, String department, BigDecimal amount,
    ProjectStatus status, String applicant, String processInstanceId, OffsetDateTime createdAt,
    OffsetDateTime updatedAt, List<OpinionView> opinions) {

  public record OpinionView(String step, String stepName, String reviewer, String reviewerRole,
      ReviewDecision decision, String comment, OffsetDateTime givenAt) {}

  static ProjectView of(Project p) {
    return new ProjectView(p.getCode(), p.getName(), p.getDistrict(), p.getDepartment(), p.getAmount(),
        p.getStatus(), p.getApplicant(), p.getProcessInstanceId(), p.getCreatedAt(), p.getUpdatedAt(),
        p.getOpinions().stream().map(o -> new OpinionView(o.getStep(), o.getStepName(), o.getReviewer(),
            o.getReviewerRole(), o.getDecision(), o.getComment(), o.getGivenAt())).toList());
  }
}
