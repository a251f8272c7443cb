package org.jixiao.district;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the models live: {@code processes} holds the shared BPMN/DMN files and {@code districts/<id>/}
 * folders, {@code forms} the HTML forms. Each is a Spring resource location, {@code file:./processes}
 * for a folder on disk or {@code classpath:models/processes} for the copy packaged in the jar.
 */
@ConfigurationProperties("jixiao.models")
public record ModelsProperties(String processes, String forms) {}
