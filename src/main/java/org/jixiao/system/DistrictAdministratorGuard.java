package org.jixiao.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;
import org.jixiao.district.ModelUploads;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.DistrictAdministration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps a district administrator (辖区管理员) inside its own districts on both engine REST surfaces that write
 * identities and deployments: {@code /engine-rest} (Camunda Modeler, scripts) and the webapps'
 * {@code /camunda/api/engine/engine/<engine>} (Admin). The role's Camunda grants are on any id (Camunda has
 * no per-tenant authorization for users, groups or deployments, and the engine does not check a deployment's
 * tenant against the deploying user's); this filter refuses, with 403 and a Chinese message, every such write
 * the rules of {@link DistrictAdministration} do not allow, before the engine sees it:
 *
 * <ul>
 *   <li>users and memberships: only users who work in the administrator's districts alone and hold no
 *       administrator role; a user or department it creates joins its district at once (when it has one);
 *   <li>groups: its own departments (ids {@code <district>-…}); role groups only as memberships of its
 *       users, never {@code camunda-admin} or {@code districtAdmin};
 *   <li>no tenant or authorization writes, no redeployment or deletion of deployments;
 *   <li>a deployment only with {@code tenant-id} = one of its districts, only models and unchanged forms
 *       ({@link ModelUploads}), never under the start-up deployer's name or source.
 * </ul>
 *
 * Everyone else's requests pass unchanged: the engine's authorizations decide for them.
 */
class DistrictAdministratorGuard extends OncePerRequestFilter {

  /** Group 1: the webapps' engine name; group 2: the resource path after the engine. */
  private static final Pattern PATH =
      Pattern.compile("/(?:engine-rest|camunda/api/engine/engine/([^/]+))(/(?:user|group|tenant|authorization|deployment)(?:/.*)?)");
  private static final int MAX_JSON = 64 * 1024;
  private static final long MAX_DEPLOYMENT = 64L * 1024 * 1024;
  private static final Set<String> RESERVED_PARTS = Set.of("deployment-name", "deployment-activation-time",
      "enable-duplicate-filtering", "deploy-changed-only", "deployment-source", "tenant-id");

  private final CallerLookup callers;
  private final DistrictAdministration rules;
  private final ModelUploads uploads;
  private final ObjectMapper objectMapper;

  DistrictAdministratorGuard(CallerLookup callers, DistrictAdministration rules, ModelUploads uploads,
      ObjectMapper objectMapper) {
    this.callers = callers;
    this.rules = rules;
    this.uploads = uploads;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod()) || !PATH.matcher(RestRequests.path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = PATH.matcher(RestRequests.path(request));
    m.matches();
    String user = m.group(1) == null ? RestRequests.user() : AdministratorOnly.webappUser(request, m.group(1));
    Caller caller = user == null ? null : callers.of(user);
    if (caller == null || !DistrictAdministration.isDistrictAdministrator(caller)) {
      chain.doFilter(request, response);
      return;
    }
    List<String> segments = segments(m.group(2));
    new Check(caller, request, response, chain, segments).run();
  }

  /** One request of a district administrator. */
  private final class Check {
    private final Caller caller;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final FilterChain chain;
    private final List<String> s;
    private final String method;

    Check(Caller caller, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
        List<String> segments) {
      this.caller = caller;
      this.request = request;
      this.response = response;
      this.chain = chain;
      this.s = segments;
      this.method = request.getMethod();
    }

    void run() throws IOException, ServletException {
      switch (s.get(0)) {
        case "user" -> user();
        case "group" -> group();
        case "tenant" -> tenant();
        case "authorization" -> refuse(403, "辖区管理员不能修改授权：授权由系统统一设置");
        case "deployment" -> deployment();
        default -> chain.doFilter(request, response);
      }
    }

    private void user() throws IOException, ServletException {
      if (s.size() == 2 && s.get(1).equals("create") && "POST".equals(method)) {
        byte[] body = RequestSizeLimit.readUpTo(request.getInputStream(), MAX_JSON);
        JsonNode json = body == null ? null : RestRequests.object(objectMapper, body);
        String id = json == null ? null : RestRequests.text(json.path("profile").path("id"));
        if (id == null) {
          refuse(400, "请求内容不是有效的用户信息（缺少 profile.id）");
          return;
        }
        createThenJoin(new RequestSizeLimit.ReadBody(request, body), () -> rules.addUserToDistrict(id, onlyDistrict()));
        return;
      }
      if (s.size() < 2) {
        chain.doFilter(request, response);
        return;
      }
      String userId = s.get(1);
      boolean self = userId.equals(caller.userId());
      String action = s.size() > 2 ? s.get(2) : "";
      if (!(self && (action.equals("profile") || action.equals("credentials"))) && !rules.managesUser(caller, userId)) {
        refuse(403, "您只能管理本辖区（" + districts() + "）的用户，不能管理用户 " + userId
            + "：该用户属于其他辖区、尚未加入本辖区，或是管理员");
        return;
      }
      if (action.equals("profile")) {
        forwardWithSameId(userId);
        return;
      }
      chain.doFilter(request, response);
    }

    private void group() throws IOException, ServletException {
      if (s.size() == 2 && s.get(1).equals("create") && "POST".equals(method)) {
        byte[] body = RequestSizeLimit.readUpTo(request.getInputStream(), MAX_JSON);
        JsonNode json = body == null ? null : RestRequests.object(objectMapper, body);
        String id = json == null ? null : RestRequests.text(json.path("id"));
        if (id == null) {
          refuse(400, "请求内容不是有效的部门信息（缺少 id）");
          return;
        }
        // the id's prefix names the district the new department joins
        String district = caller.districts().stream().filter(d -> id.startsWith(d + "-")).findFirst().orElse(null);
        if (district == null) {
          refuse(403, "辖区管理员新建的部门编号须以本辖区编号开头（例如 " + caller.districts().stream().findFirst()
              .orElse("qijiang") + "-education）");
          return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(new RequestSizeLimit.ReadBody(request, body), held);
        if (held.getStatus() >= 200 && held.getStatus() < 300) {
          rules.addGroupToDistrict(id, district);
        }
        held.copyBodyToResponse();
        return;
      }
      if (s.size() < 2) {
        chain.doFilter(request, response);
        return;
      }
      String groupId = s.get(1);
      if (s.size() == 4 && s.get(2).equals("members")) {
        String userId = s.get(3);
        if (!rules.mayAssignGroup(caller, groupId)) {
          refuse(403, "您不能调整组 " + groupId + " 的成员：只能调整本辖区的部门和业务角色，不能授予管理员角色");
          return;
        }
        if (!rules.managesUser(caller, userId)) {
          refuse(403, "您只能管理本辖区（" + districts() + "）的用户，不能管理用户 " + userId
              + "：该用户属于其他辖区、尚未加入本辖区，或是管理员");
          return;
        }
        chain.doFilter(request, response);
        return;
      }
      if (!rules.managesGroup(caller, groupId)) {
        refuse(403, "您只能管理本辖区（" + districts() + "）的部门，不能修改组 " + groupId
            + "：它是业务角色，或属于其他辖区");
        return;
      }
      if ("PUT".equals(method) && s.size() == 2) {
        forwardWithSameId(groupId);
        return;
      }
      chain.doFilter(request, response);
    }

    private void tenant() throws IOException, ServletException {
      if (s.size() == 4 && (s.get(2).equals("user-members") || s.get(2).equals("group-members"))) {
        String district = s.get(1);
        String member = s.get(3);
        boolean users = s.get(2).equals("user-members");
        boolean allowed;
        if ("PUT".equals(method)) {
          allowed = users ? rules.mayAddUserToDistrict(caller, member, district)
              : rules.mayAddGroupToDistrict(caller, member, district);
        } else {
          allowed = DistrictAdministration.administers(caller, district)
              && (users ? rules.managesUser(caller, member) : rules.managesGroup(caller, member));
        }
        if (!allowed) {
          refuse(403, "您只能在本辖区（" + districts() + "）中加入或移出本辖区的" + (users ? "用户" : "部门")
              + "（或尚未加入任何辖区的）：不能调整 " + district + " 中的 " + member);
          return;
        }
        chain.doFilter(request, response);
        return;
      }
      refuse(403, "辖区管理员不能新建、修改或删除辖区：辖区来自模型目录（processes/districts/<id>/）");
    }

    private void deployment() throws IOException, ServletException {
      if (!(s.size() == 2 && s.get(1).equals("create") && "POST".equals(method))) {
        refuse(403, "辖区管理员不能重新部署或删除部署：请在 Modeler 中修改模型后部署新版本");
        return;
      }
      byte[] body = RequestSizeLimit.readUpTo(request.getInputStream(), MAX_DEPLOYMENT);
      if (body == null) {
        refuse(413, "部署内容过大");
        return;
      }
      MultipartFormData form;
      try {
        // Camunda's own reader, the one the deployment resource uses: the parts seen here are the parts deployed
        jakarta.ws.rs.core.MultivaluedHashMap<String, String> headers = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        headers.putSingle("content-type", request.getContentType());
        form = new MultipartPayloadProvider().readFrom(MultipartFormData.class, null, null, null, headers,
            new ByteArrayInputStream(body));
      } catch (RuntimeException e) {
        refuse(400, "部署请求不是有效的 multipart/form-data 内容");
        return;
      }
      String tenant = textPart(form, "tenant-id");
      if (tenant == null || tenant.isBlank()) {
        refuse(403, "请填写租户 ID（tenant-id）：辖区管理员只能部署到本辖区（" + districts() + "）");
        return;
      }
      if (!DistrictAdministration.administers(caller, tenant)) {
        refuse(403, "您只能部署到本辖区（" + districts() + "），不能部署到 " + tenant);
        return;
      }
      if (ModelUploads.reserved(textPart(form, "deployment-name"), textPart(form, "deployment-source"))) {
        refuse(400, "部署名称 district-… 和来源 jixiao-models 由系统启动部署使用：请换一个部署名称");
        return;
      }
      Map<String, byte[]> resources = new TreeMap<>();
      for (String name : form.getPartNames()) {
        MultipartFormData.FormPart part = form.getNamedPart(name);
        if (!RESERVED_PARTS.contains(name) && part.getFileName() != null) {
          resources.put(part.getFileName(), part.getBinaryContent());
        }
      }
      List<String> refusals = uploads.refusals(tenant, resources);
      if (!refusals.isEmpty()) {
        refuse(400, String.join("；", refusals));
        return;
      }
      chain.doFilter(new RequestSizeLimit.ReadBody(request, body), response);
    }

    /**
     * Runs the create of a user; when it succeeded and the administrator has one district, the new user joins
     * it (the administrator of several districts adds the user to one of them: a user in no district may be).
     * The answer is held back until then, so that the caller never sees the user outside its district.
     */
    private void createThenJoin(HttpServletRequest body, Runnable join) throws IOException, ServletException {
      ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
      chain.doFilter(body, held);
      if (held.getStatus() >= 200 && held.getStatus() < 300 && onlyDistrict() != null) {
        join.run();
      }
      held.copyBodyToResponse();
    }

    /**
     * An update whose body names an id must name the path's: Camunda copies the body's id onto the record it
     * saves, so another id would write over that other user's profile or group.
     */
    private void forwardWithSameId(String pathId) throws IOException, ServletException {
      byte[] body = RequestSizeLimit.readUpTo(request.getInputStream(), MAX_JSON);
      JsonNode json = body == null ? null : RestRequests.object(objectMapper, body);
      String id = json == null ? null : RestRequests.text(json.path("id"));
      if (body == null || id != null && !id.equals(pathId)) {
        refuse(400, "资料中的编号（id）与要修改的 " + pathId + " 不一致：编号不能修改");
        return;
      }
      chain.doFilter(new RequestSizeLimit.ReadBody(request, body), response);
    }

    private String onlyDistrict() {
      return caller.districts().size() == 1 ? caller.districts().iterator().next() : null;
    }

    private String districts() {
      return String.join("、", caller.districts());
    }

    private void refuse(int status, String message) throws IOException {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", EngineRestConfiguration.type(status));
      body.put("status", status);
      body.put("error", ApiError.title(status));
      body.put("message", message);
      body.put("path", request.getRequestURI());
      response.setStatus(status);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      objectMapper.writeValue(response.getOutputStream(), body);
    }
  }

  private static String textPart(MultipartFormData form, String name) {
    MultipartFormData.FormPart part = form.getNamedPart(name);
    return part == null ? null : part.getTextContent();
  }

  private static List<String> segments(String path) {
    return java.util.Arrays.stream(path.substring(1).split("/"))
        .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
        .toList();
  }
}
