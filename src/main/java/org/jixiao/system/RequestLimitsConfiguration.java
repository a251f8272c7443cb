package org.jixiao.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The request-size cap ({@link RequestSizeLimit}) in front of everything else on {@code /api},
 * {@code /engine-rest} and the webapps' {@code /camunda/api}: {@code jixiao.requests.max-body-size} (2 MB)
 * for every request, {@code jixiao.requests.max-upload-size} (10 MB) for attachments, deployments and execution data.
 */
@Configuration
class RequestLimitsConfiguration {

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimitFilter(
      @Value("${jixiao.requests.max-body-size:2MB}") DataSize maxBody,
      @Value("${jixiao.requests.max-upload-size:10MB}") DataSize maxUpload, ObjectMapper json) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(maxBody, maxUpload, json));
    registration.addUrlPatterns(RequestSizeLimit.PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
