package org.jixiao.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modules (one top-level package each) and who may use whom. The stages ({@code exante}, {@code goal}, and
 * the ones to come) stand on the project library and the stage kit and hand over to each other only through
 * the lifecycle model; a module's repositories and Spring configuration are its own.
 */
class ModuleBoundariesTest {

  private static final String ROOT = "org.jixiao";
  private static final String[] STAGES = {"exante", "goal", "monitoring", "evaluation", "rectification"};

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  @Test
  void modulesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theStageKitKnowsNoStage() {
    noClasses().that().resideInAPackage(ROOT + ".stage..")
        .should().dependOnClassesThat().resideInAnyPackage(packages("project", "lifecycle", "workplace", "demo",
            "evidence"))
        .orShould().dependOnClassesThat().resideInAnyPackage(packages(STAGES))
        .check(classes);
  }

  @Test
  void theProjectLibraryKnowsNoStage() {
    noClasses().that().resideInAPackage(ROOT + ".project..")
        .should().dependOnClassesThat().resideInAnyPackage(packages(STAGES))
        .orShould().dependOnClassesThat().resideInAnyPackage(packages("lifecycle", "workplace", "demo", "evidence"))
        .check(classes);
  }

  /**
   * 佐证材料 ({@code evidence}) is a kit beside the stage kit: it stands on the project library, the stage kit
   * and the foundation, and every stage's forms use it through its API; it knows no stage.
   */
  @Test
  void theEvidenceKitKnowsNoStage() {
    noClasses().that().resideInAPackage(ROOT + ".evidence..")
        .should().dependOnClassesThat().resideInAnyPackage(packages(STAGES))
        .orShould().dependOnClassesThat().resideInAnyPackage(packages("lifecycle", "workplace", "demo"))
        .check(classes);
  }

  @Test
  void stagesDoNotCallEachOther() {
    for (String stage : STAGES) {
      String[] others = java.util.Arrays.stream(STAGES).filter(s -> !s.equals(stage)).toArray(String[]::new);
      ArchRule rule = noClasses().that().resideInAPackage(ROOT + "." + stage + "..")
          .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
              "classes of another stage (but an earlier stage's published results)",
              c -> java.util.Arrays.stream(others).anyMatch(o -> c.getPackageName().startsWith(ROOT + "." + o))
                  && !published(stage, c.getName())))
          .allowEmptyShould(true);
      rule.check(classes);
    }
  }

  /**
   * The reviewer's workplace (项目库 page, 审批单) sits above the stages like the lifecycle: it reads every
   * stage's published queries, and no stage, the lifecycle or the demo data builds on it.
   */
  @Test
  void nothingBelowBuildsOnTheWorkplace() {
    noClasses().that().resideInAnyPackage(packages(STAGES))
        .or().resideInAnyPackage(packages("lifecycle", "demo"))
        .should().dependOnClassesThat().resideInAnyPackage(packages("workplace"))
        .check(classes);
  }

  @Test
  void theFoundationKnowsNoBusinessModule() {
    noClasses().that().resideInAnyPackage(packages("system", "identity", "district"))
        .should().dependOnClassesThat().resideInAnyPackage(packages("project", "lifecycle", "workplace", "demo",
            "organisation", "evidence"))
        .orShould().dependOnClassesThat().resideInAnyPackage(packages(STAGES))
        .check(classes);
  }

  /**
   * Tasklist's support ({@code tasklist}: who am I, what I did, where an item went) reads the project library, the
   * identity module and the engine; it knows no stage, and no module uses it.
   */
  @Test
  void theTasklistSupportStandsOnTheLibraryAndNothingUsesIt() {
    noClasses().that().resideInAPackage(ROOT + ".tasklist..")
        .should().dependOnClassesThat().resideInAnyPackage(packages(STAGES))
        .orShould().dependOnClassesThat().resideInAnyPackage(packages("lifecycle", "demo"))
        .check(classes);
    noClasses().that().resideOutsideOfPackage(ROOT + ".tasklist..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".tasklist..")
        .check(classes);
  }

  @Test
  void aModulesRepositoriesAreItsOwn() {
    for (String module : new String[] {"project", "stage", "exante", "goal", "monitoring", "lifecycle", "identity",
        "workplace", "evidence"}) {
      noClasses().that().resideOutsideOfPackage(ROOT + "." + module + "..")
          .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
              "repositories of " + module, c -> c.getPackageName().startsWith(ROOT + "." + module)
                  && c.isAssignableTo(org.springframework.data.repository.Repository.class)))
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  /**
   * A later stage may read an earlier stage's published results, never the reverse: monitoring compares
   * against the approved goals (目标比较法) through goal's read type {@code ApprovedGoals} and its records.
   */
  private static boolean published(String stage, String className) {
    return stage.equals("monitoring") && className.startsWith(ROOT + ".goal.ApprovedGoals");
  }

  private static String[] packages(String... modules) {
    return java.util.Arrays.stream(modules).map(m -> ROOT + "." + m + "..").toArray(String[]::new);
  }
}
