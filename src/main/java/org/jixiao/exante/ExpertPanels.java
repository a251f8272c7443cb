package org.jixiao.exante;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.jixiao.identity.Caller;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;
import org.jixiao.project.Project;
import org.jixiao.project.ProjectService;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 独立论证: the district's expert pool and the panels composed from it. Finance chooses the experts of a panel
 * or draws them with a recorded seed; either way an expert affiliated with the applying department (or with its
 * supervising department) is never on the panel, nobody sits twice, and the panel has exactly the district's
 * size. The panel is composed by the engine's own step (组建专家组), never taken from a form.
 */
@Service
public class ExpertPanels {

  private static final long JS_SAFE_INTEGER = (1L << 53) - 1;

  private final ExpertPoolRepository pool;
  private final ExpertPanelDrawRepository draws;
  private final ProjectService projects;
  private final IdentityService identityService;
  private final IdentityNames names;
  private final Long configuredSeed;

  ExpertPanels(ExpertPoolRepository pool, ExpertPanelDrawRepository draws, ProjectService projects,
      IdentityService identityService, @Value("${jixiao.experts.draw-seed:#{null}}") Long configuredSeed) {
    this.pool = pool;
    this.draws = draws;
    this.projects = projects;
    this.identityService = identityService;
    this.names = new IdentityNames(identityService);
    this.configuredSeed = configuredSeed;
  }

  /** An expert of the pool as finance's form shows it; for a project, whether they may sit on its panel. */
  public record PoolEntry(String userId, String name, String affiliation, String affiliationName, String field,
      boolean active, Boolean eligible, String reason) {}

  /** A recorded panel as the API shows it. */
  public record DrawView(Long id, String projectCode, ExpertPanelDraw.Mode mode, String modeLabel, int panelSize,
      Long seed, List<String> eligible, List<String> excluded, List<String> panel, List<String> panelNames,
      String drawnBy, String drawnByName, OffsetDateTime drawnAt) {}

  /** What finance asked for at 财政再评估. */
  public record Request(ExpertPanelDraw.Mode mode, String choice, Long seed) {}

  /**
   * The district's pool, for the finance performance section of the district (and administrators); with a
   * project code, each expert's eligibility for that project's panel.
   */
  @Transactional(readOnly = true)
  public List<PoolEntry> pool(String district, String projectCode, Caller caller) {
    requireFinance(district, caller);
    Project project = null;
    if (projectCode != null && !projectCode.isBlank()) {
      project = projects.project(projectCode.strip());
      if (!project.getDistrict().equals(district)) {
        throw ApiException.notFound("项目不存在：" + projectCode);
      }
    }
    Set<String> conflicting = project == null ? Set.of() : conflicting(project);
    List<PoolEntry> entries = new ArrayList<>();
    for (ExpertPoolMember m : pool.findByDistrictOrderByUserIdAsc(district)) {
      Boolean eligible = null;
      String reason = null;
      if (project != null) {
        reason = !m.isActive() ? "已停用" : conflicting.contains(m.getAffiliation())
            ? "来自" + names.group(m.getAffiliation()) + "，须回避" : null;
        eligible = reason == null;
      }
      entries.add(new PoolEntry(m.getUserId(), names.user(m.getUserId()), m.getAffiliation(),
          m.getAffiliation() == null ? null : names.group(m.getAffiliation()), m.getField(), m.isActive(),
          eligible, reason));
    }
    return entries;
  }

  /** The panels recorded for a project, in order: finance of the district and administrators. */
  @Transactional(readOnly = true)
  public List<DrawView> draws(String code, Caller caller) {
    Project project = projects.project(code);
    if (!caller.mayRead(project.getDistrict(), project.getDepartment())) {
      throw ApiException.notFound("项目不存在：" + code);
    }
    requireFinance(project.getDistrict(), caller);
    return draws.findByProjectCodeOrderByDrawnAtAscIdAsc(code).stream().map(this::view).toList();
  }

  /**
   * Adds an expert to the district's pool or changes their entry: administrators and the district's finance
   * performance section. The user must be an expert (评审专家) of the district; the affiliation a department
   * of the district, or none.
   */
  @Transactional
  public PoolEntry register(String district, String userId, String affiliation, String field, boolean active,
      Caller caller) {
    requireFinance(district, caller);
    if (identityService.createUserQuery().userId(userId).memberOfGroup(Role.EXPERT.groupId())
        .memberOfTenant(district).count() == 0) {
      throw ApiException.badRequest("用户不是本辖区的评审专家：" + userId);
    }
    String department = affiliation == null || affiliation.isBlank() ? null : affiliation.strip();
    if (department != null && identityService.createGroupQuery().groupId(department).groupType(Role.DEPARTMENT_TYPE)
        .memberOfTenant(district).count() == 0) {
      throw ApiException.badRequest("部门不存在或不属于本辖区：" + department);
    }
    String fieldText = field == null || field.isBlank() ? null : field.strip();
    if (fieldText != null && fieldText.length() > 128) {
      throw ApiException.badRequest("专业领域不能超过 128 字");
    }
    ExpertPoolMember member = pool.findByDistrictAndUserId(district, userId)
        .orElseGet(() -> new ExpertPoolMember(district, userId));
    member.update(department, fieldText, active, caller.userId(), OffsetDateTime.now());
    pool.save(member);
    return pool(district, null, caller).stream().filter(e -> e.userId().equals(userId)).findFirst().orElseThrow();
  }

  /**
   * 组建专家组: the panel of the project's next 专家论证 round, chosen or drawn as finance asked, checked and
   * recorded; the user ids in seat order. A refusal (unknown expert, another district's, one of the applying
   * department, a duplicate, the wrong count, too few eligible experts to draw) is a Chinese 400.
   */
  @Transactional
  public List<String> compose(String code, Request request, int panelSize, String actor) {
    Project project = projects.project(code);
    String district = project.getDistrict();
    if (request.mode() == null) {
      throw new InvalidInputException("邀请专家论证时请选择专家组的组建方式：指定专家或随机抽取");
    }
    Map<String, ExpertPoolMember> members = pool.findByDistrictOrderByUserIdAsc(district).stream()
        .collect(Collectors.toMap(ExpertPoolMember::getUserId, Function.identity(), (a, b) -> a,
            java.util.LinkedHashMap::new));
    Set<String> conflicting = conflicting(project);
    List<String> eligible = members.values().stream()
        .filter(m -> m.isActive() && !conflicting.contains(m.getAffiliation()))
        .map(ExpertPoolMember::getUserId).toList();
    List<String> excluded = members.values().stream()
        .filter(m -> m.isActive() && conflicting.contains(m.getAffiliation()))
        .map(ExpertPoolMember::getUserId).toList();
    List<String> panel;
    Long seed = null;
    if (request.mode() == ExpertPanelDraw.Mode.CHOOSE) {
      panel = chosen(request.choice(), panelSize, members, conflicting);
    } else {
      if (request.choice() != null && !request.choice().isBlank()) {
        throw new InvalidInputException("随机抽取时不能同时指定专家，请清空所选专家或改为指定专家");
      }
      if (eligible.size() < panelSize) {
        throw new InvalidInputException("本辖区专家库中可抽取的专家（已回避申报单位）只有 " + eligible.size()
            + " 位，不足专家组所需的 " + panelSize + " 位，请先补充专家库");
      }
      seed = request.seed() != null ? request.seed() : configuredSeed != null ? configuredSeed : randomSeed();
      panel = draw(eligible, panelSize, seed);
    }
    draws.save(new ExpertPanelDraw(code, district, request.mode(), panelSize, seed, eligible, excluded, panel, actor,
        OffsetDateTime.now()));
    return panel;
  }

  /** Refuses (Chinese 400) an expert who may not sit on the project's panel: not in the pool, inactive, conflicting. */
  @Transactional(readOnly = true)
  public void requireSeatable(String code, String expert) {
    Project project = projects.project(code);
    ExpertPoolMember member = pool.findByDistrictAndUserId(project.getDistrict(), expert)
        .orElseThrow(() -> new InvalidInputException("专家 " + expert + " 不在本辖区专家库中"));
    if (!member.isActive()) {
      throw new InvalidInputException("专家 " + names.user(expert) + "（" + expert + "）已停用，不能入选");
    }
    if (conflicting(project).contains(member.getAffiliation())) {
      throw new InvalidInputException("专家 " + names.user(expert) + "（" + expert + "）来自"
          + names.group(member.getAffiliation()) + "，与申报单位有关，须回避");
    }
  }

  /** The departments whose experts may not sit: the applying department and its supervising department. */
  private static Set<String> conflicting(Project project) {
    Set<String> departments = new LinkedHashSet<>();
    departments.add(project.getDepartment());
    if (project.getSupervisingDepartment() != null && !project.getSupervisingDepartment().isBlank()) {
      departments.add(project.getSupervisingDepartment());
    }
    return departments;
  }

  private List<String> chosen(String choice, int panelSize, Map<String, ExpertPoolMember> members,
      Set<String> conflicting) {
    if (choice == null || choice.isBlank()) {
      throw new InvalidInputException("指定专家时请选择 " + panelSize + " 位专家");
    }
    List<String> ids = new ArrayList<>();
    for (String part : choice.split("[,，、;；\\s]+")) {
      String id = part.strip();
      if (id.isEmpty()) {
        continue;
      }
      if (ids.contains(id)) {
        throw new InvalidInputException("专家 " + id + " 被重复选择，每位专家在一个专家组中只占一个席位");
      }
      ExpertPoolMember member = members.get(id);
      if (member == null) {
        throw new InvalidInputException("专家 " + id + " 不在本辖区专家库中");
      }
      if (!member.isActive()) {
        throw new InvalidInputException("专家 " + names.user(id) + "（" + id + "）已停用，不能入选");
      }
      if (conflicting.contains(member.getAffiliation())) {
        throw new InvalidInputException("专家 " + names.user(id) + "（" + id + "）来自"
            + names.group(member.getAffiliation()) + "，与申报单位有关，须回避");
      }
      ids.add(id);
    }
    if (ids.size() != panelSize) {
      throw new InvalidInputException("本辖区专家组须由 " + panelSize + " 位专家组成，已选择 " + ids.size() + " 位");
    }
    return List.copyOf(ids);
  }

  /** The first {@code size} of the eligible experts (sorted) after a shuffle with the seed: the same inputs draw the same. */
  static List<String> draw(List<String> eligible, int size, long seed) {
    List<String> shuffled = new ArrayList<>(eligible.stream().sorted().toList());
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, size));
  }

  /** A random seed a browser can show and send back unchanged (within ±(2^53 − 1)). */
  static long randomSeed() {
    return new SecureRandom().nextLong(-JS_SAFE_INTEGER, JS_SAFE_INTEGER + 1);
  }

  private void requireFinance(String district, Caller caller) {
    if (!caller.isAdministrator() && !(caller.hasRole(Role.FINANCE_PERFORMANCE) && caller.worksIn(district))) {
      throw ApiException.forbidden("只有本辖区财政局绩效科可以查看和维护专家库及专家组记录");
    }
  }

  private DrawView view(ExpertPanelDraw d) {
    return new DrawView(d.getId(), d.getProjectCode(), d.getMode(),
        d.getMode() == ExpertPanelDraw.Mode.CHOOSE ? "指定专家" : "随机抽取", d.getPanelSize(), d.getSeed(),
        d.getEligible(), d.getExcluded(), d.getPanel(), d.getPanel().stream().map(names::user).toList(),
        d.getDrawnBy(), names.user(d.getDrawnBy()), d.getDrawnAt());
  }

  /** Reads finance's request from the process's variables (the form's inputs of 财政再评估). */
  static Request request(Optional<String> mode, Optional<String> choice, Optional<Long> seed) {
    ExpertPanelDraw.Mode parsed = null;
    if (mode.isPresent() && !mode.get().isBlank()) {
      try {
        parsed = ExpertPanelDraw.Mode.valueOf(mode.get().strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("专家组的组建方式应为指定专家（CHOOSE）或随机抽取（DRAW）");
      }
    }
    return new Request(parsed, choice.orElse(null), seed.orElse(null));
  }
}
