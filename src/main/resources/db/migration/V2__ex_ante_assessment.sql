-- 事前绩效评估: what a project is, the rule results that decided its path, approved amounts, scored opinions.
alter table project add column item_type varchar(32) default 'DEPARTMENT_PROJECT' not null;
alter table project add column budget_stage varchar(32) default 'ANNUAL' not null;
alter table project add column new_spending boolean default false not null;
alter table project add column fund_source varchar(32) default 'GENERAL_PUBLIC_BUDGET' not null;
alter table project add column period_years integer default 1 not null;
alter table project add column supervising_department varchar(64);
alter table project add column approved_amount numeric(18, 2);
alter table project add column ex_ante_required boolean;
alter table project add column self_assessment_required boolean;
alter table project add column finance_reassessment_required boolean;
alter table project add column joint_review_required boolean;
alter table project add column budget_review_required boolean;
alter table project add column rule_basis varchar(500);
alter table project add constraint ck_project_period check (period_years between 1 and 30);
alter table project add constraint ck_project_approved check (approved_amount is null or approved_amount >= 0);

-- the five dimensions of an assessment, 0–100 each, where the step scores them
alter table project_opinion add column score_necessity integer;
alter table project_opinion add column score_economy integer;
alter table project_opinion add column score_goal_reasonableness integer;
alter table project_opinion add column score_feasibility integer;
alter table project_opinion add column score_financing_compliance integer;
alter table project_opinion add column conclusion varchar(500);
