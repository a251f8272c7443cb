package org.jixiao.exante;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.IdentityNames;
import org.jixiao.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The thresholds of a district's ex-ante rules (事前绩效评估规则), as its deployed rule table states them: each
 * rule's basis and description, for the application form (项目申报) to explain which amounts are assessed. Only for
 * those who work in the district; another district answers as one that does not exist.
 */
@RestController
class ExAnteRulesController {

  private final RepositoryService repositoryService;
  private final IdentityNames names;
  private final CallerLookup callers;

  ExAnteRulesController(RepositoryService repositoryService, IdentityService identityService, CallerLookup callers) {
    this.repositoryService = repositoryService;
    this.names = new IdentityNames(identityService);
    this.callers = callers;
  }

  record RuleText(String basis, String description, boolean assessed) {}

  record ExAnteRules(String district, String districtName, String decisionName, String description, List<RuleText> rules) {}

  @GetMapping("/api/districts/{district}/ex-ante-rules")
  ExAnteRules rules(@PathVariable String district) {
    Caller caller = callers.current();
    DecisionDefinition definition = caller.worksIn(district) ? repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ExAnteProcess.DECISION_RULES).tenantIdIn(district).latestVersion().singleResult() : null;
    if (definition == null) {
      throw ApiException.notFound("辖区不存在：" + district);
    }
    DmnModelInstance model = repositoryService.getDmnModelInstance(definition.getId());
    Decision decision = model.getModelElementById(definition.getKey());
    List<RuleText> rules = new ArrayList<>();
    DecisionTable table = decision.getUniqueChildElementByType(DecisionTable.class) instanceof DecisionTable t ? t : null;
    if (table != null) {
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      int basis = indexOf(outputs, "ruleBasis");
      int required = indexOf(outputs, ExAnteProcess.VAR_EX_ANTE_REQUIRED);
      for (Rule rule : table.getRules()) {
        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
        rules.add(new RuleText(basis < 0 ? null : unquote(entries.get(basis).getTextContent()),
            rule.getDescription() == null ? null : rule.getDescription().getTextContent().strip(),
            required >= 0 && "true".equals(entries.get(required).getTextContent().strip())));
      }
    }
    return new ExAnteRules(district, names.district(district), decision.getName(),
        decision.getDescription() == null ? null : decision.getDescription().getTextContent().strip(), rules);
  }

  private static int indexOf(List<Output> outputs, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String text) {
    String t = text == null ? "" : text.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }
}
