package org.jixiao.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every variable a Tasklist form submits is one its task declares ({@code <camunda:property name="input">}):
 * the fields the forms SDK reads (cam-variable-name), the decision block of the shared task context
 * (task-context.js: decision.variable, comment.variable) and the variables a form's script sets itself.
 */
class FormInputsTest {

  static final Path MODELS = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Pattern ELEMENT = Pattern.compile("<bpmn:(userTask|startEvent) id=\"([^\"]+)\"[^>]*camunda:formKey=\"embedded:deployment:([^\"]+)\".*?</bpmn:\\1>");
  static final Pattern INPUT = Pattern.compile("<camunda:property name=\"input\" value=\"(\\w+):");
  static final List<Pattern> SUBMITTED = List.of(
      Pattern.compile("cam-variable-name=\"(\\w+)\""),
      Pattern.compile("\\bvariable: '(\\w+)'"),
      Pattern.compile("set(?:Draft|String)Variable\\('(\\w+)'"),
      Pattern.compile("createVariable\\(\\{ name: '(\\w+)'"));

  @Test
  void everyFormSubmitsOnlyWhatItsTasksDeclare() throws IOException {
    List<String> checked = new ArrayList<>();
    for (Path model : models()) {
      Matcher element = ELEMENT.matcher(Files.readString(model, StandardCharsets.UTF_8));
      while (element.find()) {
        Set<String> declared = all(INPUT, element.group(0));
        Set<String> submitted = submitted(element.group(3));
        assertThat(declared).as("%s %s (%s) declares what its form submits", model.getFileName(), element.group(2),
            element.group(3)).containsAll(submitted);
        if (element.group(0).contains("<camunda:property name=\"startsThrough\"")) {
          // a start form that applies through the application (项目申报): it hands the engine nothing
          assertThat(submitted).as("%s submits nothing to the engine", element.group(3)).isEmpty();
        } else {
          assertThat(submitted).as("%s submits something", element.group(3)).isNotEmpty();
        }
        checked.add(element.group(2));
      }
    }
    assertThat(checked).as("user tasks and start forms checked").hasSizeGreaterThanOrEqualTo(15)
        .contains("Task_ReviewBySupervisor", "Task_DraftGoals", "Task_ReviewGoalsBySupervisor");
  }

  /**
   * A String field of the forms SDK sends an empty text when left empty (other types send null), so only a
   * {@code text} input may be bound that way: a number read from a String field is refused when it is blank.
   */
  @Test
  void onlyTextInputsAreStringFields() throws IOException {
    Pattern stringField = Pattern.compile("cam-variable-name=\"(\\w+)\" cam-variable-type=\"String\"");
    Pattern typed = Pattern.compile("<camunda:property name=\"input\" value=\"(\\w+): (\\w+)");
    for (Path model : models()) {
      Matcher element = ELEMENT.matcher(Files.readString(model, StandardCharsets.UTF_8));
      while (element.find()) {
        Map<String, String> types = new HashMap<>();
        Matcher input = typed.matcher(element.group(0));
        while (input.find()) {
          types.put(input.group(1), input.group(2));
        }
        for (String field : all(stringField, Files.readString(FORMS.resolve(element.group(3)), StandardCharsets.UTF_8))) {
          assertThat(types.get(field)).as("%s: %s is a String field of %s", element.group(2), field, element.group(3))
              .isEqualTo("text");
        }
      }
    }
  }

  private static Set<String> submitted(String form) throws IOException {
    String markup = Files.readString(FORMS.resolve(form), StandardCharsets.UTF_8);
    Set<String> names = new TreeSet<>();
    SUBMITTED.forEach(p -> names.addAll(all(p, markup)));
    return names;
  }

  private static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.walk(MODELS)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
