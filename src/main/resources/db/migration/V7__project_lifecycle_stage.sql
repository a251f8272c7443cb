-- 项目年度全周期: the stage of the project-year lifecycle (Process_ProjectYear) a project is in, written by the
-- lifecycle's own steps. Existing projects: listed ones are in goal setting, or past it once their goals of the
-- project's budget year are approved; the others are still in (or ended in) the ex-ante assessment.
alter table project add column stage varchar(32) default 'EX_ANTE' not null;
update project set stage = 'GOALS' where status = 'LISTED';
update project set stage = 'GOALS_APPROVED' where status = 'LISTED' and exists (select 1 from goal_set g
  where g.project_id = project.id and g.budget_year = project.budget_year and g.status = 'APPROVED');
