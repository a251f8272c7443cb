package org.jixiao.project;

/** The project categories of the common-indicator library (会议, 培训, …), which an application may name. */
public interface ProjectCategories {

  /** The category's Chinese name, or null if there is no such category. */
  String nameOf(String code);
}
