package org.jixiao.organisation;

import java.net.URI;
import java.util.List;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.DepartmentKind;
import org.jixiao.identity.DepartmentRefused;
import org.jixiao.identity.Role;
import org.jixiao.identity.Departments;
import org.jixiao.system.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department tree over the API: every user of a district reads it (the library page filters by it, the
 * application form presets the unit's department); administrators add departments.
 */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

  private final Departments departments;
  private final CallerLookup callers;

  DepartmentController(Departments departments, CallerLookup callers) {
    this.departments = departments;
    this.callers = callers;
  }

  /** A department as the API shows it; {@code parent} is the 主管部门's code, null for a 主管部门. */
  record DepartmentView(String code, String name, DepartmentKind kind, String kindLabel, String parent,
      String groupId, String district) {

    static DepartmentView of(Departments.Node n) {
      return new DepartmentView(n.code(), n.name(), n.kind(), n.kind().label(), n.parentCode(), n.groupId(),
          n.district());
    }
  }

  record NewDepartmentRequest(String district, String code, String name, DepartmentKind kind, String parent,
      String groupId) {}

  /** The district's tree (主管部门 each followed by its units); without a district, those of the caller's districts. */
  @GetMapping
  List<DepartmentView> tree(@RequestParam(required = false) String district) {
    Caller caller = callers.current();
    if (district == null || district.isBlank()) {
      return caller.districts().stream().flatMap(d -> departments.tree(d).stream()).map(DepartmentView::of).toList();
    }
    if (!caller.worksIn(district.strip())) {
      throw ApiException.notFound("辖区不存在：" + district);
    }
    return departments.tree(district.strip()).stream().map(DepartmentView::of).toList();
  }

  @PostMapping
  ResponseEntity<DepartmentView> create(@RequestBody NewDepartmentRequest request) {
    Caller caller = callers.current();
    // the system administrator anywhere; a district administrator (辖区管理员) in its own district only
    boolean districtAdministrator = caller.hasRole(Role.DISTRICT_ADMINISTRATOR) && request.district() != null
        && caller.districts().contains(request.district().strip());
    if (!caller.isAdministrator() && !districtAdministrator) {
      throw ApiException.forbidden("只有系统管理员或本辖区的辖区管理员可以维护部门树");
    }
    try {
      DepartmentView created = DepartmentView.of(departments.create(new Departments.NewDepartment(
          request.district(), request.code(), request.name(), request.kind(), request.parent(), request.groupId())));
      return ResponseEntity.created(URI.create("/api/departments?district=" + created.district())).body(created);
    } catch (DepartmentRefused refused) {
      throw refused.isConflict() ? ApiException.conflict(refused.getMessage())
          : ApiException.badRequest(refused.getMessage());
    }
  }
}
