package org.govflow.web.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * An address with a path parameter ({@code /engine-rest;a=b/engine}) is refused with 400 before any
 * filter parses it: govflow uses none (sessions travel in cookies), and Spring's path parsing fails
 * on one that falls inside a servlet's mapping, which answered 500.
 */
@Configuration
class PathParameters {

  @Bean
  FilterRegistrationBean<Filter> pathParameterRefusal() {
    Filter filter =
        (request, response, chain) -> {
          if (request instanceof HttpServletRequest http
              && http.getRequestURI().indexOf(';') >= 0
              && response instanceof HttpServletResponse answer) {
            answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            answer.setContentType("application/problem+json");
            answer.setCharacterEncoding("UTF-8");
            answer
                .getWriter()
                .write(
                    "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"Path parameters (;) are not accepted in addresses.\"}");
            return;
          }
          chain.doFilter(request, response);
        };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
