package org.jixiao.exante;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.jixiao.district.DistrictModelSet;
import org.jixiao.district.ModelLibrary;
import org.jixiao.district.ModelsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.FileSystemUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The ex-ante rule tables ({@code Decision_ExAnteRules}): every rule of every district file, and of the
 * shared default, at its amount boundary — 1 分 below, 1 元 below, exactly at, 1 分 above and 1 元 above
 * the threshold — and every other condition falling through to the catch-all rule {@code Rule_Otherwise}.
 *
 * <p>Each row reads like a line of the rule table: district, item type, budget stage, the amount in 分
 * (as the process passes it, a Long), new or increased spending, then the five expected flags
 * exAnteRequired | selfAssessmentRequired | financeReassessmentRequired | jointReviewRequired |
 * budgetReviewRequired. An empty cell is null. {@code shared} is {@code processes/ex-ante-rules.dmn}.
 */
class ExAnteRulesTest {

  static final String DECISION = "Decision_ExAnteRules";
  static final String SHARED = "shared";
  /** ruleBasis of the catch-all rule, the last row of every table. */
  static final String NOT_REACHED = "未达到事前绩效评估标准";
  /** Every table this test checks at its boundaries; a new table must get rows here. */
  static final Set<String> COVERED = Set.of(SHARED, "qijiang", "enyang", "jilin", "chongqing", "gaomi");

  static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/dmn";
  /** Ids Camunda Modeler generates: a type prefix and a random suffix such as DecisionRule_0a1b2c3. */
  static final Pattern GENERATED_ID = Pattern.compile(
      "^(DecisionRule|InputClause|OutputClause|UnaryTests|LiteralExpression|DMNDiagram|DMNShape|DMNEdge)_.*"
          + "|.*_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$"
          + "|^(Flow|Activity|Gateway|Event)_[0-9].*");

  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final Map<String, DmnDecision> TABLES = new ConcurrentHashMap<>();

  // ---------------------------------------------------------------------------------------------------
  // 綦江区: 大于等于500万元的普惠性政策, 大于等于300万元的专项政策, 总投资大于等于1000万元的新增建设项目 (>=)
  // ---------------------------------------------------------------------------------------------------
  @ParameterizedTest(name = ROW)
  @CsvSource(delimiter = '|', textBlock = """
      # district | itemType         | budgetStage       | amountFen  | newSpending | exAnte | self  | finance | joint | budgetReview
      # Rule_GeneralPolicy: 普惠性政策 >= 5000000 元
        qijiang  | GENERAL_POLICY   | NEW_POLICY        |  499999999 | true        | false  | false | false   | false | false
        qijiang  | GENERAL_POLICY   | NEW_POLICY        |  499999900 | true        | false  | false | false   | false | false
        qijiang  | GENERAL_POLICY   | NEW_POLICY        |  500000000 | true        | true   | true  | true    | false | false
        qijiang  | GENERAL_POLICY   | NEW_POLICY        |  500000001 | true        | true   | true  | true    | false | false
        qijiang  | GENERAL_POLICY   | NEW_POLICY        |  500000100 | true        | true   | true  | true    | false | false
      # Rule_SpecialPolicy: 专项政策 >= 3000000 元
        qijiang  | SPECIAL_POLICY   | NEW_POLICY        |  299999999 | true        | false  | false | false   | false | false
        qijiang  | SPECIAL_POLICY   | NEW_POLICY        |  299999900 | true        | false  | false | false   | false | false
        qijiang  | SPECIAL_POLICY   | NEW_POLICY        |  300000000 | true        | true   | true  | true    | false | false
        qijiang  | SPECIAL_POLICY   | NEW_POLICY        |  300000001 | true        | true   | true  | true    | false | false
        qijiang  | SPECIAL_POLICY   | NEW_POLICY        |  300000100 | true        | true   | true  | true    | false | false
      # Rule_NewConstruction: 新增建设项目总投资 >= 10000000 元
        qijiang  | NEW_CONSTRUCTION | ANNUAL            |  999999999 | true        | false  | false | false   | false | false
        qijiang  | NEW_CONSTRUCTION | ANNUAL            |  999999900 | true        | false  | false | false   | false | false
        qijiang  | NEW_CONSTRUCTION | ANNUAL            | 1000000000 | true        | true   | true  | true    | false | false
        qijiang  | NEW_CONSTRUCTION | ANNUAL            | 1000000001 | true        | true   | true  | true    | false | false
        qijiang  | NEW_CONSTRUCTION | ANNUAL            | 1000000100 | true        | true   | true  | true    | false | false
      # the threshold belongs to the item type: a general policy at the special policy's 300万 is not enough
        qijiang  | GENERAL_POLICY   | NEW_POLICY        |  300000000 | true        | false  | false | false   | false | false
        qijiang  | SPECIAL_POLICY   | ANNUAL            |  500000000 | false       | true   | true  | true    | false | false
      # stage and newSpending are not conditions in Qijiang
        qijiang  | GENERAL_POLICY   | ANNUAL            |  500000000 | false       | true   | true  | true    | false | false
        qijiang  | NEW_CONSTRUCTION |                   | 1000000000 |             | true   | true  | true    | false | false
      # wrong item type: Otherwise
        qijiang  | DEPARTMENT_PROJECT | NEW_POLICY      | 9000000000 | true        | false  | false | false   | false | false
        qijiang  |                  | NEW_POLICY        | 9000000000 | true        | false  | false | false   | false | false
      """)
  void qijiang(String district, String itemType, String budgetStage, long amountFen, Boolean newSpending,
      boolean exAnte, boolean self, boolean finance, boolean joint, boolean budgetReview) {
    check(district, itemType, budgetStage, amountFen, newSpending, exAnte, self, finance, joint, budgetReview);
  }

  // ---------------------------------------------------------------------------------------------------
  // 恩阳区: 年初预算及追加项目预算和新出台支出政策前，超过50万元的由财政部门开展事前绩效评估 (>)
  // ---------------------------------------------------------------------------------------------------
  @ParameterizedTest(name = ROW)
  @CsvSource(delimiter = '|', textBlock = """
      # district | itemType         | budgetStage       | amountFen  | newSpending | exAnte | self  | finance | joint | budgetReview
      # Rule_FinanceAssessment: 年初预算, > 500000 元
        enyang   | DEPARTMENT_PROJECT | ANNUAL          |   49999999 | true        | false  | false | false   | false | false
        enyang   | DEPARTMENT_PROJECT | ANNUAL          |   49999900 | true        | false  | false | false   | false | false
        enyang   | DEPARTMENT_PROJECT | ANNUAL          |   50000000 | true        | false  | false | false   | false | false
        enyang   | DEPARTMENT_PROJECT | ANNUAL          |   50000001 | true        | true   | false | true    | false | false
        enyang   | DEPARTMENT_PROJECT | ANNUAL          |   50000100 | true        | true   | false | true    | false | false
      # 追加项目预算
        enyang   | NEW_CONSTRUCTION | MID_YEAR_ADDITION |   49999999 | true        | false  | false | false   | false | false
        enyang   | NEW_CONSTRUCTION | MID_YEAR_ADDITION |   49999900 | true        | false  | false | false   | false | false
        enyang   | NEW_CONSTRUCTION | MID_YEAR_ADDITION |   50000000 | true        | false  | false | false   | false | false
        enyang   | NEW_CONSTRUCTION | MID_YEAR_ADDITION |   50000001 | true        | true   | false | true    | false | false
        enyang   | NEW_CONSTRUCTION | MID_YEAR_ADDITION |   50000100 | true        | true   | false | true    | false | false
      # 新出台支出政策前
        enyang   | SPECIAL_POLICY   | NEW_POLICY        |   49999999 | true        | false  | false | false   | false | false
        enyang   | SPECIAL_POLICY   | NEW_POLICY        |   49999900 | true        | false  | false | false   | false | false
        enyang   | SPECIAL_POLICY   | NEW_POLICY        |   50000000 | true        | false  | false | false   | false | false
        enyang   | SPECIAL_POLICY   | NEW_POLICY        |   50000001 | true        | true   | false | true    | false | false
        enyang   | SPECIAL_POLICY   | NEW_POLICY        |   50000100 | true        | true   | false | true    | false | false
      # item type and newSpending are not conditions in Enyang
        enyang   | GENERAL_POLICY   | ANNUAL            |   50000001 | false       | true   | false | true    | false | false
        enyang   |                  | ANNUAL            |   50000001 |             | true   | false | true    | false | false
      # wrong (unknown or missing) budget stage: Otherwise
        enyang   | DEPARTMENT_PROJECT | FINAL_ACCOUNTS  |  900000000 | true        | false  | false | false   | false | false
        enyang   | DEPARTMENT_PROJECT |                 |  900000000 | true        | false  | false | false   | false | false
      """)
  void enyang(String district, String itemType, String budgetStage, long amountFen, Boolean newSpending,
      boolean exAnte, boolean self, boolean finance, boolean joint, boolean budgetReview) {
    check(district, itemType, budgetStage, amountFen, newSpending, exAnte, self, finance, joint, budgetReview);
  }

  // ---------------------------------------------------------------------------------------------------
  // 吉林省: 新增和增支（超）3000万元以上的部门项目支出 — 以上 includes the number (>=)
  // ---------------------------------------------------------------------------------------------------
  @ParameterizedTest(name = ROW)
  @CsvSource(delimiter = '|', textBlock = """
      # district | itemType         | budgetStage       | amountFen  | newSpending | exAnte | self  | finance | joint | budgetReview
      # Rule_JointReview: 部门项目支出, 新增和增支, >= 30000000 元
        jilin    | DEPARTMENT_PROJECT | ANNUAL          | 2999999999 | true        | false  | false | false   | false | false
        jilin    | DEPARTMENT_PROJECT | ANNUAL          | 2999999900 | true        | false  | false | false   | false | false
        jilin    | DEPARTMENT_PROJECT | ANNUAL          | 3000000000 | true        | true   | true  | true    | true  | true
        jilin    | DEPARTMENT_PROJECT | ANNUAL          | 3000000001 | true        | true   | true  | true    | true  | true
        jilin    | DEPARTMENT_PROJECT | ANNUAL          | 3000000100 | true        | true   | true  | true    | true  | true
      # the stage is not a condition in Jilin
        jilin    | DEPARTMENT_PROJECT | MID_YEAR_ADDITION | 3000000000 | true      | true   | true  | true    | true  | true
        jilin    | DEPARTMENT_PROJECT |                 | 3000000000 | true        | true   | true  | true    | true  | true
      # not new or increased spending: Otherwise
        jilin    | DEPARTMENT_PROJECT | ANNUAL          | 9000000000 | false       | false  | false | false   | false | false
        jilin    | DEPARTMENT_PROJECT | ANNUAL          | 9000000000 |             | false  | false | false   | false | false
      # not a department project: Otherwise
        jilin    | NEW_CONSTRUCTION | ANNUAL            | 9000000000 | true        | false  | false | false   | false | false
        jilin    | GENERAL_POLICY   | NEW_POLICY        | 9000000000 | true        | false  | false | false   | false | false
      """)
  void jilin(String district, String itemType, String budgetStage, long amountFen, Boolean newSpending,
      boolean exAnte, boolean self, boolean finance, boolean joint, boolean budgetReview) {
    check(district, itemType, budgetStage, amountFen, newSpending, exAnte, self, finance, joint, budgetReview);
  }

  // ---------------------------------------------------------------------------------------------------
  // 重庆市: 限额以上新增项目 部门自评估; 重大政策和重点项目 财政再评估. The limits are table values an
  // administrator edits (the seed gives none); these rows hold the shipped values 1000万元 and 100万元.
  // ---------------------------------------------------------------------------------------------------
  @ParameterizedTest(name = ROW)
  @CsvSource(delimiter = '|', textBlock = """
      # district | itemType         | budgetStage       | amountFen  | newSpending | exAnte | self  | finance | joint | budgetReview
      # Rule_MajorProject: 新增, >= 10000000 元 (below it the next rule, AboveLimit, still applies)
        chongqing | DEPARTMENT_PROJECT | ANNUAL         |  999999999 | true        | true   | true  | false   | false | false
        chongqing | DEPARTMENT_PROJECT | ANNUAL         |  999999900 | true        | true   | true  | false   | false | false
        chongqing | DEPARTMENT_PROJECT | ANNUAL         | 1000000000 | true        | true   | true  | true    | false | false
        chongqing | DEPARTMENT_PROJECT | ANNUAL         | 1000000001 | true        | true   | true  | true    | false | false
        chongqing | DEPARTMENT_PROJECT | ANNUAL         | 1000000100 | true        | true   | true  | true    | false | false
      # Rule_AboveLimit: 新增, >= 1000000 元
        chongqing | SPECIAL_POLICY  | NEW_POLICY        |   99999999 | true        | false  | false | false   | false | false
        chongqing | SPECIAL_POLICY  | NEW_POLICY        |   99999900 | true        | false  | false | false   | false | false
        chongqing | SPECIAL_POLICY  | NEW_POLICY        |  100000000 | true        | true   | true  | false   | false | false
        chongqing | SPECIAL_POLICY  | NEW_POLICY        |  100000001 | true        | true   | true  | false   | false | false
        chongqing | SPECIAL_POLICY  | NEW_POLICY        |  100000100 | true        | true   | true  | false   | false | false
      # item type and stage are not conditions in Chongqing
        chongqing | NEW_CONSTRUCTION |                  | 1000000000 | true        | true   | true  | true    | false | false
        chongqing |                 | MID_YEAR_ADDITION |  100000000 | true        | true   | true  | false   | false | false
      # not new spending: Otherwise, however large
        chongqing | DEPARTMENT_PROJECT | ANNUAL         | 9000000000 | false       | false  | false | false   | false | false
        chongqing | DEPARTMENT_PROJECT | ANNUAL         | 9000000000 |             | false  | false | false   | false | false
      """)
  void chongqing(String district, String itemType, String budgetStage, long amountFen, Boolean newSpending,
      boolean exAnte, boolean self, boolean finance, boolean joint, boolean budgetReview) {
    check(district, itemType, budgetStage, amountFen, newSpending, exAnte, self, finance, joint, budgetReview);
  }

  // ---------------------------------------------------------------------------------------------------
  // 高密市: 新出台的重大政策、项目, 事前绩效评估与预算评审相融合; no amount in the seed, so the amount
  // must not matter: the smallest amount (1 分) and a large one (the 2.4亿 station rebuild)
  // ---------------------------------------------------------------------------------------------------
  @ParameterizedTest(name = ROW)
  @CsvSource(delimiter = '|', textBlock = """
      # district | itemType         | budgetStage       | amountFen  | newSpending | exAnte | self  | finance | joint | budgetReview
      # Rule_NewPolicy: 新出台政策, any amount
        gaomi    | GENERAL_POLICY   | NEW_POLICY        |          1 | false       | true   | false | true    | false | true
        gaomi    | SPECIAL_POLICY   | NEW_POLICY        |          1 |             | true   | false | true    | false | true
        gaomi    | GENERAL_POLICY   | NEW_POLICY        |24000000000 | false       | true   | false | true    | false | true
      # Rule_NewProject: 新增或增支, any amount, any stage
        gaomi    | NEW_CONSTRUCTION | ANNUAL            |          1 | true        | true   | false | true    | false | true
        gaomi    | NEW_CONSTRUCTION | ANNUAL            |24000000000 | true        | true   | false | true    | false | true
        gaomi    | DEPARTMENT_PROJECT | MID_YEAR_ADDITION |    100 | true        | true   | false | true    | false | true
        gaomi    | DEPARTMENT_PROJECT |                 |  500000000 | true        | true   | false | true    | false | true
      # neither a new policy nor new spending: Otherwise, however large
        gaomi    | NEW_CONSTRUCTION | ANNUAL            |24000000000 | false       | false  | false | false   | false | false
        gaomi    | DEPARTMENT_PROJECT | MID_YEAR_ADDITION | 24000000000 |         | false  | false | false   | false | false
        gaomi    | GENERAL_POLICY   |                   |24000000000 | false       | false  | false | false   | false | false
      """)
  void gaomi(String district, String itemType, String budgetStage, long amountFen, Boolean newSpending,
      boolean exAnte, boolean self, boolean finance, boolean joint, boolean budgetReview) {
    check(district, itemType, budgetStage, amountFen, newSpending, exAnte, self, finance, joint, budgetReview);
  }

  // ---------------------------------------------------------------------------------------------------
  // shared default (processes/ex-ante-rules.dmn): 新增重大政策和项目开展事前绩效评估, no amount limit
  // ---------------------------------------------------------------------------------------------------
  @ParameterizedTest(name = ROW)
  @CsvSource(delimiter = '|', textBlock = """
      # district | itemType         | budgetStage       | amountFen  | newSpending | exAnte | self  | finance | joint | budgetReview
      # Rule_NewSpending: 新增或增支, any amount
        shared   | DEPARTMENT_PROJECT | ANNUAL          |          1 | true        | true   | true  | true    | false | false
        shared   | GENERAL_POLICY   | NEW_POLICY        | 9000000000 | true        | true   | true  | true    | false | false
        shared   |                  |                   |   50000000 | true        | true   | true  | true    | false | false
      # not new spending: Otherwise, however large
        shared   | DEPARTMENT_PROJECT | ANNUAL          | 9000000000 | false       | false  | false | false   | false | false
        shared   | GENERAL_POLICY   | NEW_POLICY        | 9000000000 |             | false  | false | false   | false | false
      """)
  void sharedDefault(String district, String itemType, String budgetStage, long amountFen, Boolean newSpending,
      boolean exAnte, boolean self, boolean finance, boolean joint, boolean budgetReview) {
    check(district, itemType, budgetStage, amountFen, newSpending, exAnte, self, finance, joint, budgetReview);
  }

  static final String ROW = "[{index}] {0}: {1} {2} {3}分 新增或增支={4} → 事前评估={5} 自评估={6} 再评估={7} 会审={8} 预算评审={9}";

  private static void check(String district, String itemType, String budgetStage, long amountFen,
      Boolean newSpending, boolean exAnte, boolean self, boolean finance, boolean joint, boolean budgetReview) {
    DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(table(district), Variables.createVariables()
        .putValue("itemType", itemType)
        .putValue("budgetStage", budgetStage)
        .putValue("requestedAmountFen", amountFen)
        .putValue("newSpending", newSpending));

    assertThat(result).as("hit policy FIRST gives exactly one row").hasSize(1);
    DmnDecisionRuleResult outputs = result.getSingleResult();
    assertThat(outputs.getEntryMap()).containsOnlyKeys("exAnteRequired", "selfAssessmentRequired",
        "financeReassessmentRequired", "jointReviewRequired", "budgetReviewRequired", "ruleBasis");
    assertThat(List.of(
            (Boolean) outputs.getEntry("exAnteRequired"),
            (Boolean) outputs.getEntry("selfAssessmentRequired"),
            (Boolean) outputs.getEntry("financeReassessmentRequired"),
            (Boolean) outputs.getEntry("jointReviewRequired"),
            (Boolean) outputs.getEntry("budgetReviewRequired")))
        .as("exAnte, self, finance, joint, budgetReview")
        .containsExactly(exAnte, self, finance, joint, budgetReview);

    String ruleBasis = outputs.getEntry("ruleBasis");
    assertThat(ruleBasis).as("ruleBasis").isNotBlank();
    if (!(exAnte || self || finance || joint || budgetReview)) {
      assertThat(ruleBasis).as("nothing required: the catch-all rule Rule_Otherwise").isEqualTo(NOT_REACHED);
    } else {
      assertThat(ruleBasis).as("a rule of the table, not the catch-all").isNotEqualTo(NOT_REACHED);
    }
  }

  private static DmnDecision table(String district) {
    return TABLES.computeIfAbsent(district, d -> {
      try (InputStream in = Files.newInputStream(file(d))) {
        return ENGINE.parseDecision(DECISION, in);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static Path file(String district) {
    return SHARED.equals(district)
        ? Path.of("processes", "ex-ante-rules.dmn")
        : Path.of("processes", "districts", district, "ex-ante-rules.dmn");
  }

  // ---------------------------------------------------------------------------------------------------
  // the files themselves
  // ---------------------------------------------------------------------------------------------------

  @Test
  void everyDmnFileKeepsItsHistoryTimeToLiveAndHasNoGeneratedIds() throws Exception {
    List<Path> files = dmnFiles();
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Document doc = xml(file);
      NodeList decisions = doc.getElementsByTagNameNS("*", "decision");
      assertThat(decisions.getLength()).as("decisions in %s", file).isPositive();
      for (Element decision : elements(decisions)) {
        assertThat(decision.getAttributeNS(CAMUNDA_NS, "historyTimeToLive"))
            .as("camunda:historyTimeToLive of %s in %s", decision.getAttribute("id"), file).isNotBlank();
      }
      for (Element element : elements(doc.getElementsByTagNameNS("*", "*"))) {
        String id = element.getAttribute("id");
        assertThat(GENERATED_ID.matcher(id).matches())
            .as("id %s of <%s> in %s looks generated; give it a readable id", id, element.getLocalName(), file)
            .isFalse();
      }
      try (InputStream in = Files.newInputStream(file)) {
        assertThat(ENGINE.parseDecisions(in)).as("%s parses", file).isNotEmpty();
      }
    }
  }

  @Test
  void everyRuleTableHasTheAgreedColumnsDescribedRulesAndEndsWithTheCatchAll() throws Exception {
    for (Path file : ruleTableFiles()) {
      Document doc = xml(file);
      Element definitions = doc.getDocumentElement();
      assertThat(definitions.getNamespaceURI()).as("DMN 1.3: %s", file).isEqualTo(DMN_NS);
      assertThat(definitions.getAttribute("namespace")).isEqualTo(CAMUNDA_NS);
      Element decision = elements(doc.getElementsByTagNameNS(DMN_NS, "decision")).get(0);
      assertThat(decision.getAttribute("id")).isEqualTo(DECISION);
      assertThat(decision.getAttribute("name")).isEqualTo("事前绩效评估规则");
      assertThat(decision.getAttributeNS(CAMUNDA_NS, "historyTimeToLive")).isEqualTo("1825");
      Element table = elements(decision.getElementsByTagNameNS(DMN_NS, "decisionTable")).get(0);
      assertThat(table.getAttribute("hitPolicy")).as("%s", file).isEqualTo("FIRST");

      List<Element> inputs = elements(table.getElementsByTagNameNS(DMN_NS, "input"));
      assertThat(inputs).extracting(i -> i.getAttribute("id"))
          .containsExactly("Input_ItemType", "Input_BudgetStage", "Input_Amount", "Input_NewSpending");
      Element amount = elements(inputs.get(2).getElementsByTagNameNS(DMN_NS, "inputExpression")).get(0);
      assertThat(amount.hasAttribute("typeRef")).as("the amount must not be converted by a typeRef: %s", file)
          .isFalse();
      assertThat(amount.getTextContent().trim()).isEqualTo("requestedAmountFen / 100");
      assertThat(elements(table.getElementsByTagNameNS(DMN_NS, "output"))).extracting(o -> o.getAttribute("name"))
          .containsExactly("exAnteRequired", "selfAssessmentRequired", "financeReassessmentRequired",
              "jointReviewRequired", "budgetReviewRequired", "ruleBasis");

      List<Element> rules = elements(table.getElementsByTagNameNS(DMN_NS, "rule"));
      assertThat(rules).as("%s", file).hasSizeGreaterThanOrEqualTo(2);
      for (Element rule : rules) {
        assertThat(rule.getAttribute("id")).startsWith("Rule_");
        assertThat(text(rule, "description")).as("description of %s in %s", rule.getAttribute("id"), file)
            .isNotBlank().containsPattern("\\p{IsHan}");
      }
      Element last = rules.get(rules.size() - 1);
      assertThat(last.getAttribute("id")).as("last rule of %s", file).isEqualTo("Rule_Otherwise");
      assertThat(elements(last.getElementsByTagNameNS(DMN_NS, "inputEntry")))
          .as("the catch-all matches anything").allSatisfy(e -> assertThat(e.getTextContent().trim()).isEmpty());
      assertThat(elements(last.getElementsByTagNameNS(DMN_NS, "outputEntry"))).extracting(e -> e.getTextContent().trim())
          .containsExactly("false", "false", "false", "false", "false", "\"" + NOT_REACHED + "\"");
    }
  }

  @Test
  void everyRuleTableInTheModelsIsCheckedAtItsBoundariesHere() throws Exception {
    Set<String> found = new TreeSet<>();
    for (Path file : ruleTableFiles()) {
      Path parent = Path.of("processes").relativize(file).getParent();
      found.add(parent == null ? SHARED : parent.getFileName().toString());
    }
    assertThat(found).as("tables defining %s; add rows for a new one to this test", DECISION)
        .containsExactlyInAnyOrderElementsOf(COVERED);
  }

  @Test
  void eachDistrictDeploysItsOwnTableAndANewDistrictTheSharedDefault(@TempDir Path temp) throws Exception {
    Path processes = temp.resolve("processes");
    FileSystemUtils.copyRecursively(Path.of("processes"), processes);
    Path newDistrict = Files.createDirectories(processes.resolve("districts/zhangjiang"));
    Files.writeString(newDistrict.resolve("district.json"), "{\"name\": \"樟江县\"}", StandardCharsets.UTF_8);
    ModelLibrary library = new ModelLibrary(new ModelsProperties(
        processes.toUri().toString(), Path.of("forms").toAbsolutePath().toUri().toString()));

    Map<String, DistrictModelSet> sets = new TreeMap<>();
    library.districtModelSets().forEach(set -> sets.put(set.district().id(), set));

    assertThat(sets).containsKeys("qijiang", "enyang", "jilin", "chongqing", "gaomi", "zhangjiang");
    for (DistrictModelSet set : sets.values()) {
      String district = set.district().id();
      List<String> tables = set.resources().entrySet().stream()
          .filter(r -> new String(r.getValue(), StandardCharsets.UTF_8).contains("id=\"" + DECISION + "\""))
          .map(Map.Entry::getKey).toList();
      assertThat(tables).as("tables defining %s deployed in %s", DECISION, district)
          .containsExactly("ex-ante-rules.dmn");
      Path expected = Files.exists(file(district)) ? file(district) : file(SHARED);
      assertThat(set.resources().get("ex-ante-rules.dmn")).as("the table deployed in %s", district)
          .isEqualTo(Files.readAllBytes(expected));
    }
    assertThat(sets.get("zhangjiang").resources().get("ex-ante-rules.dmn"))
        .as("a district without its own table runs the shared default")
        .isEqualTo(Files.readAllBytes(file(SHARED)));
  }

  // ---------------------------------------------------------------------------------------------------

  private static List<Path> dmnFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
      return walk.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
    }
  }

  /** The files that define {@link #DECISION}, whatever their name. */
  private static List<Path> ruleTableFiles() throws Exception {
    List<Path> tables = new ArrayList<>();
    for (Path file : dmnFiles()) {
      for (Element decision : elements(xml(file).getElementsByTagNameNS("*", "decision"))) {
        if (DECISION.equals(decision.getAttribute("id"))) {
          tables.add(file);
          break;
        }
      }
    }
    assertThat(tables).isNotEmpty();
    return tables;
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(file.toFile());
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e) {
        list.add(e);
      }
    }
    return list;
  }

  private static String text(Element parent, String child) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && child.equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    return "";
  }
}
