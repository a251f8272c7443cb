package org.jixiao.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the models folder: the shared models at its top, one sub-folder per district under
 * {@code districts/<id>/} with a {@code district.json} descriptor, and the forms folder.
 *
 * <p>A district's set is the shared models overlaid by its folder's own files: a district file replaces
 * every shared file that defines one of the same keys (process or decision id) or has the same name. Forms
 * are taken from {@code <forms>/} and, overriding them by name, from {@code districts/<id>/forms/}; only
 * the forms the district's BPMN files load with {@code embedded:deployment:} are deployed.
 */
public class ModelLibrary {

  static final String DESCRIPTOR = "district.json";
  private static final List<String> MODEL_TYPES = List.of("bpmn", "dmn");
  private static final Pattern DISTRICT_ID = Pattern.compile("[a-z][a-z0-9-]*");

  private final String processesLocation;
  private final String formsLocation;
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ModelLibrary.class);

  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final ObjectMapper json = new ObjectMapper();

  public ModelLibrary(ModelsProperties properties) {
    this.processesLocation = orPackaged(trimSlash(properties.processes()), ModelsProperties.PACKAGED_PROCESSES);
    this.formsLocation = orPackaged(trimSlash(properties.forms()), ModelsProperties.PACKAGED_FORMS);
  }

  /** Where the models are read from: the configured folder, or the jar's copy when that folder does not exist. */
  public String processesLocation() {
    return processesLocation;
  }

  public String formsLocation() {
    return formsLocation;
  }

  /**
   * A folder on disk ({@code file:}) that does not exist falls back to the copy packed in the jar, so that
   * {@code java -jar} runs from any folder; an existing folder, even an empty one, is used as it is.
   */
  private String orPackaged(String location, String packaged) {
    if (!location.startsWith("file:")) {
      return location;
    }
    Resource folder = resolver.getResource(location);
    boolean exists;
    try {
      exists = folder.exists() && folder.getFile().isDirectory();
    } catch (IOException e) {
      exists = false;
    }
    if (exists) {
      return location;
    }
    log.info("模型目录 {} 不存在，使用程序包内的模型 {}", location, packaged);
    return packaged;
  }

  /** Every district folder's model set, ordered by district id. */
  public List<DistrictModelSet> districtModelSets() {
    Map<String, byte[]> shared = read(processesLocation, MODEL_TYPES);
    Map<String, byte[]> sharedForms = read(formsLocation, List.of("html"));
    List<DistrictModelSet> sets = new ArrayList<>();
    for (District district : districts()) {
      String folder = processesLocation + "/districts/" + district.id();
      Map<String, byte[]> own = read(folder, MODEL_TYPES);
      sets.add(new DistrictModelSet(district, overlay(district, shared, own, forms(district.id(), sharedForms))));
    }
    return sets;
  }

  /** The forms a district's models may load: the shared forms, overridden by name by the district's own. */
  public Map<String, byte[]> forms(String districtId) {
    return forms(districtId, read(formsLocation, List.of("html")));
  }

  private Map<String, byte[]> forms(String districtId, Map<String, byte[]> sharedForms) {
    Map<String, byte[]> forms = new TreeMap<>(sharedForms);
    forms.putAll(read(processesLocation + "/districts/" + districtId + "/forms", List.of("html")));
    return forms;
  }

  /** The districts whose folders hold a descriptor. */
  public List<District> districts() {
    List<District> districts = new ArrayList<>();
    for (Resource descriptor : resources(processesLocation + "/districts/*/" + DESCRIPTOR)) {
      String id = folderName(descriptor);
      if (!DISTRICT_ID.matcher(id).matches()) {
        throw new IllegalStateException("辖区目录名不合规（只能用小写字母、数字和连字符，且以字母开头）：" + id);
      }
      try (InputStream in = descriptor.getInputStream()) {
        JsonNode node = json.readTree(in);
        String name = text(node, "name", id);
        districts.add(new District(id, name, text(node, "fullName", name)));
      } catch (IOException e) {
        throw new IllegalStateException("辖区描述文件无法读取：" + id + "/" + DESCRIPTOR, e);
      }
    }
    districts.sort(Comparator.comparing(District::id));
    return districts;
  }

  private static SortedMap<String, byte[]> overlay(
      District district, Map<String, byte[]> shared, Map<String, byte[]> own, Map<String, byte[]> forms) {
    Map<String, byte[]> models = new LinkedHashMap<>(shared);
    for (Map.Entry<String, byte[]> file : own.entrySet()) {
      Set<String> keys = ModelKeys.definedKeys(file.getKey(), file.getValue());
      models.entrySet().removeIf(s -> shared.containsKey(s.getKey())
          && (s.getKey().equals(file.getKey())
              || intersects(keys, ModelKeys.definedKeys(s.getKey(), s.getValue()))));
      models.put(file.getKey(), file.getValue());
    }
    TreeMap<String, byte[]> result = new TreeMap<>(models);
    for (Map.Entry<String, byte[]> model : models.entrySet()) {
      for (String form : ModelKeys.referencedForms(model.getValue())) {
        byte[] content = forms.get(form);
        if (content == null) {
          throw new IllegalStateException(
              "辖区 " + district.id() + " 的模型 " + model.getKey() + " 引用的表单不存在：" + form);
        }
        result.put(form, content);
      }
    }
    return result;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    return !common.isEmpty();
  }

  private Map<String, byte[]> read(String location, List<String> extensions) {
    Map<String, byte[]> files = new TreeMap<>();
    for (String extension : extensions) {
      for (Resource resource : resources(location + "/*." + extension)) {
        try (InputStream in = resource.getInputStream()) {
          files.put(resource.getFilename(), in.readAllBytes());
        } catch (IOException e) {
          throw new IllegalStateException("模型文件无法读取：" + resource, e);
        }
      }
    }
    return files;
  }

  private Resource[] resources(String pattern) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      // a missing folder is an empty folder: a district without its own models, or no forms yet
      return new Resource[0];
    }
  }

  private static String folderName(Resource descriptor) {
    try {
      String path = descriptor.getURL().toString();
      Matcher m = Pattern.compile("/districts/([^/]+)/" + DESCRIPTOR + "$").matcher(path);
      if (!m.find()) {
        throw new IllegalStateException("辖区描述文件位置异常：" + path);
      }
      return m.group(1);
    } catch (IOException e) {
      throw new IllegalStateException("辖区描述文件位置无法读取：" + descriptor, e);
    }
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.asText().isBlank() ? fallback : value.asText();
  }

  private static String trimSlash(String location) {
    return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
  }
}
