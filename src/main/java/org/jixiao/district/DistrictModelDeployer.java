package org.jixiao.district;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Makes every district folder a Camunda tenant with one deployment of its model set. Deployments are
 * named {@code district-<id>} and filtered for duplicates, so a restart with unchanged files adds no
 * versions and a changed file adds a version only in the districts whose set it changes.
 */
@Service
public class DistrictModelDeployer {

  static final String DEPLOYMENT_SOURCE = "jixiao-models";
  private static final Logger log = LoggerFactory.getLogger(DistrictModelDeployer.class);

  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  DistrictModelDeployer(RepositoryService repositoryService, IdentityService identityService) {
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  public static String deploymentName(String districtId) {
    return "district-" + districtId;
  }

  /** Creates or renames the districts' tenants and deploys their models; returns what was deployed. */
  public List<DeploymentOutcome> deploy(ModelLibrary library) {
    List<DistrictModelSet> sets = library.districtModelSets();
    if (sets.isEmpty()) {
      throw new IllegalStateException("模型目录中没有任何辖区（processes/districts/<id>/district.json）");
    }
    return sets.stream().map(this::deploy).toList();
  }

  private DeploymentOutcome deploy(DistrictModelSet set) {
    District district = set.district();
    ensureTenant(district);
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(deploymentName(district.id()))
        .source(DEPLOYMENT_SOURCE)
        .tenantId(district.id())
        .enableDuplicateFiltering(false);
    set.resources().forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    int definitions = deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size();
    int decisions = deployment.getDeployedDecisionDefinitions() == null ? 0 : deployment.getDeployedDecisionDefinitions().size();
    boolean created = definitions + decisions > 0;
    log.info("辖区 {}（{}）：{} 个模型文件，{}", district.id(), district.name(), set.resources().size(),
        created ? "已部署新版本（流程 " + definitions + "，决策 " + decisions + "）" : "无变化");
    return new DeploymentOutcome(district, deployment.getId(), created);
  }

  private void ensureTenant(District district) {
    Tenant tenant = identityService.createTenantQuery().tenantId(district.id()).singleResult();
    if (tenant == null) {
      tenant = identityService.newTenant(district.id());
    } else if (district.name().equals(tenant.getName())) {
      return;
    }
    tenant.setName(district.name());
    identityService.saveTenant(tenant);
  }

  /** One district's deployment; {@code newVersion} is false when duplicate filtering found nothing new. */
  public record DeploymentOutcome(District district, String deploymentId, boolean newVersion) {}
}
