package org.jixiao.goal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A project category of the common-indicator library (会议, 培训, 资产购置 …). Reference data. */
@Entity
@Immutable
@Table(name = "indicator_category")
public class IndicatorCategory {

  @Id
  private String code;

  private String name;

  private int sortOrder;

  protected IndicatorCategory() {}

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public int getSortOrder() {
    return sortOrder;
  }
}
