package org.jixiao.district;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the models live: {@code processes} holds the shared BPMN/DMN files and {@code districts/<id>/}
 * folders, {@code forms} the HTML forms. Each is a Spring resource location, {@code file:./processes}
 * for a folder on disk or {@code classpath:models/processes} for the copy packaged in the jar. A folder on
 * disk that does not exist falls back to the packaged copy ({@link ModelLibrary}).
 */
@ConfigurationProperties("jixiao.models")
public record ModelsProperties(String processes, String forms) {

  /** The copy the build packs into the jar (pom.xml), used when the configured folder does not exist. */
  public static final String PACKAGED_PROCESSES = "classpath:models/processes";
  public static final String PACKAGED_FORMS = "classpath:models/forms";
}
