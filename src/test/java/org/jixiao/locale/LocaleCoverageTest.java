package org.jixiao.locale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our zh.json against the English file inside Camunda's webjar. Tasklist, Admin and Welcome must cover
 * every English key (a Camunda upgrade that adds keys fails here); Cockpit falls back to English only for
 * plural suffixes and bare tokens, and carries no key the webjar no longer has. Placeholders survive.
 */
class LocaleCoverageTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "admin", "welcome"})
  void chineseCoversEveryEnglishKey(String app) throws IOException {
    Map<String, String> english = flatten(load(app, "en", true));
    Map<String, String> chinese = flatten(load(app, "zh", false));

    assertThat(chinese.keySet()).as("%s zh.json keys", app).containsExactlyInAnyOrderElementsOf(english.keySet());
    assertThat(chinese).as("%s end-of-life banner", app).containsKey("labels.BANNER_CE_EOL_TEXT");
    assertPlaceholdersKept(app, english, chinese);
    long untranslatedSentences = english.entrySet().stream()
        .filter(e -> e.getValue().matches(".*[a-z]{3,} [a-z]{3,}.*"))
        .filter(e -> e.getValue().equals(chinese.get(e.getKey())))
        .count();
    assertThat(untranslatedSentences).as("%s English sentences left untranslated", app).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit"})
  void cockpitTranslatesItsMainViewsAndHasNoStaleKeys(String app) throws IOException {
    Map<String, String> english = flatten(load(app, "en", true));
    Map<String, String> chinese = flatten(load(app, "zh", false));

    assertThat(english.keySet()).as("cockpit zh.json keys the webjar no longer has").containsAll(chinese.keySet());
    assertThat(chinese.keySet()).as("dashboard, incidents, banner").contains(
        "labels.BANNER_CE_EOL_TEXT", "labels.DASHBOARD_DASHBOARD", "labels.DASHBOARD_OPEN_INCIDENTS");
    // everything is translated but English plural suffixes ("s") and bare tokens such as "<version>"
    List<String> missing = english.entrySet().stream()
        .filter(e -> !chinese.containsKey(e.getKey()))
        .filter(e -> !e.getValue().equals("s") && !e.getValue().matches("<\\w+>"))
        .map(Map.Entry::getKey).toList();
    assertThat(missing).as("cockpit keys without a Chinese text").isEmpty();
    assertThat(chinese.keySet().stream().filter(k -> k.startsWith("dateLocales.")).toList())
        .containsExactlyInAnyOrderElementsOf(
            english.keySet().stream().filter(k -> k.startsWith("dateLocales.")).toList());
    assertPlaceholdersKept(app, english, chinese);
  }

  private static void assertPlaceholdersKept(String app, Map<String, String> english, Map<String, String> chinese) {
    List<String> broken = new ArrayList<>();
    chinese.forEach((key, value) -> {
      Matcher m = PLACEHOLDER.matcher(english.get(key));
      while (m.find()) {
        if (!value.contains(m.group())) {
          broken.add(key + " lost " + m.group());
        }
      }
    });
    assertThat(broken).as("%s placeholders", app).isEmpty();
  }

  /** The webjar's English file ({@code fromWebjar}) or ours; both live under the same classpath path. */
  private JsonNode load(String app, String locale, boolean fromWebjar) throws IOException {
    String path = APP.formatted(app, locale);
    Enumeration<URL> urls = getClass().getClassLoader().getResources(path);
    while (urls.hasMoreElements()) {
      URL url = urls.nextElement();
      if (url.toString().contains("camunda-webapp-webjar") == fromWebjar) {
        try (InputStream in = url.openStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
      }
    }
    throw new IllegalStateException("not found: " + path + (fromWebjar ? " in the webjar" : " in our resources"));
  }

  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", node, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), flat);
      }
    } else {
      flat.put(prefix, node.asText());
    }
  }
}
