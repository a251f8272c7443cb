-- A budget unit's list of its approved goal sets (执行中调整: which goals it may ask to adjust) reads goal_set
-- by department and status; with a district's whole year in the table it should not scan it.
create index ix_goal_set_department_status on goal_set (department, status, code);
