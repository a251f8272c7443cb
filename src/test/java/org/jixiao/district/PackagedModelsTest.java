package org.jixiao.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** {@code java -jar} from any folder: without a models folder the library reads the copy packed in the jar. */
class PackagedModelsTest {

  @TempDir Path temp;

  @Test
  void withoutAModelsFolderTheLibraryReadsEveryDistrictFromTheClasspath() {
    Path missing = temp.resolve("no-such-folder");
    ModelLibrary library = new ModelLibrary(new ModelsProperties(
        missing.resolve("processes").toUri().toString(), missing.resolve("forms").toUri().toString()));
    ModelLibrary folder = new ModelLibrary(new ModelsProperties("file:./processes", "file:./forms"));

    List<DistrictModelSet> packaged = library.districtModelSets();

    assertThat(library.processesLocation()).isEqualTo(ModelsProperties.PACKAGED_PROCESSES);
    assertThat(library.formsLocation()).isEqualTo(ModelsProperties.PACKAGED_FORMS);
    assertThat(packaged).extracting(s -> s.district().id())
        .containsExactly("chongqing", "enyang", "gaomi", "jilin", "qijiang");
    assertThat(packaged).extracting(s -> s.district().name()).contains("綦江区", "吉林省");
    List<DistrictModelSet> shipped = folder.districtModelSets();
    for (int i = 0; i < packaged.size(); i++) {
      assertThat(packaged.get(i).resources()).as(packaged.get(i).district().id())
          .containsOnlyKeys(shipped.get(i).resources().keySet())
          .containsKeys("project-year.bpmn", "ex-ante-assessment.bpmn", "review-application.html");
    }
  }

  @Test
  void anExistingFolderStaysTheOverrideEvenWhereTheJarHasOtherModels() throws IOException {
    Path processes = temp.resolve("processes");
    FileSystemUtils.copyRecursively(Path.of("processes"), processes);
    FileSystemUtils.deleteRecursively(processes.resolve("districts/gaomi"));
    Path forms = temp.resolve("forms");
    FileSystemUtils.copyRecursively(Path.of("forms"), forms);

    ModelLibrary library = new ModelLibrary(
        new ModelsProperties(processes.toUri().toString(), forms.toUri().toString()));

    assertThat(library.processesLocation()).startsWith("file:");
    assertThat(library.districts()).extracting(District::id).doesNotContain("gaomi").contains("qijiang");
  }

  @Test
  void aFormsFolderThatIsMissingFallsBackOnItsOwn() throws IOException {
    Path processes = Files.createDirectories(temp.resolve("models/processes"));
    FileSystemUtils.copyRecursively(Path.of("processes"), processes);

    ModelLibrary library = new ModelLibrary(new ModelsProperties(processes.toUri().toString(),
        temp.resolve("models/forms").toUri().toString()));

    assertThat(library.formsLocation()).isEqualTo(ModelsProperties.PACKAGED_FORMS);
    assertThat(library.districtModelSets().get(0).resources()).containsKey("review-application.html");
  }
}
