package org.jixiao.workplace;

import java.time.OffsetDateTime;
import java.util.List;
import org.jixiao.goal.GoalSetView;
import org.jixiao.monitoring.MonitoringView;
import org.jixiao.project.FundingEligibility;
import org.jixiao.project.ProjectView;

/**
 * A project's page in the library: its record with rule results and ex-ante opinions, the funding gate's answer,
 * its goal sets, its monitoring years, every opinion of every stage in the order given, its open tasks with links
 * into Tasklist, a Cockpit link where the caller may use Cockpit, and the approval records (审批单) it has.
 */
public record ProjectPage(ProjectView project, String districtName, String applicantName, FundingEligibility funding,
    List<GoalSetView> goals, List<MonitoringView> monitoring, List<OpinionLine> opinions, List<OpenTask> tasks,
    String cockpitUrl, List<ApprovalRecordLink> approvalRecords) {

  /** An opinion of any stage, on the project, one of its goal sets or one of its monitoring years. */
  public record OpinionLine(String stage, String stageLabel, String subjectCode, Integer round, String step,
      String stepName, String actor, String actorName, String actorRole, String actorRoleLabel, String decision,
      String decisionLabel, String comment, String conclusion, String scores, OffsetDateTime givenAt) {}

  /** A task of the project's processes that waits, and where Tasklist opens it. */
  public record OpenTask(String id, String name, String assignee, String assigneeName, OffsetDateTime created,
      OffsetDateTime due, String tasklistUrl) {}

  /** A stage's 审批单 the project has, as a PDF. */
  public record ApprovalRecordLink(String stage, String stageLabel, String url) {}
}
