package org.jixiao.project;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What the district's rule table (Decision_ExAnteRules) said about a project, and why. Stored with the
 * project, so the record shows the rules that were in force when it applied.
 */
@Embeddable
public record RuleResults(
    @Column(name = "ex_ante_required") Boolean exAnteRequired,
    @Column(name = "self_assessment_required") Boolean selfAssessmentRequired,
    @Column(name = "finance_reassessment_required") Boolean financeReassessmentRequired,
    @Column(name = "joint_review_required") Boolean jointReviewRequired,
    @Column(name = "budget_review_required") Boolean budgetReviewRequired,
    @Column(name = "rule_basis") String ruleBasis) {}
