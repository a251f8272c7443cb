package org.jixiao.goal;

import java.util.List;
import org.jixiao.identity.Caller;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading goal sets as the caller may: one set, or a district's sets of a year. */
@Service
public class GoalQueries {

  private final GoalSetRepository sets;
  private final GoalRecords records;

  GoalQueries(GoalSetRepository sets, GoalRecords records) {
    this.sets = sets;
    this.records = records;
  }

  @Transactional(readOnly = true)
  public GoalSetView find(String code, Caller caller) {
    // another department's or district's goals read as goals that do not exist (the answer tells no codes)
    GoalSet set = sets.findByCode(code).filter(s -> caller.mayRead(s.getDistrict(), s.getDepartment()))
        .orElseThrow(() -> ApiException.notFound("绩效目标不存在：" + code));
    return records.view(set);
  }

  /** The goal sets of a district and year the caller may read. */
  @Transactional(readOnly = true)
  public List<GoalSetView> list(String district, int budgetYear, Caller caller) {
    if (!caller.worksIn(district)) {
      throw ApiException.forbidden("您无权查看其他辖区的绩效目标：" + district);
    }
    return records.views(sets.findByDistrictAndBudgetYearOrderByCodeAsc(district, budgetYear).stream()
        .filter(s -> caller.mayRead(s.getDistrict(), s.getDepartment())).toList());
  }

  /** A project's goal sets (one per budget year) the caller may read, by year. */
  @Transactional(readOnly = true)
  public List<GoalSetView> ofProject(Long projectId, Caller caller) {
    return records.views(sets.findByProjectId(projectId).stream()
        .filter(s -> caller.mayRead(s.getDistrict(), s.getDepartment()))
        .sorted(java.util.Comparator.comparingInt(GoalSet::getBudgetYear)).toList());
  }
}
