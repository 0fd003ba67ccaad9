package org.govflow.web.internal;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator's endpoints (on the application's port, or on {@code management.server.port} when
 * one is set): health for anyone, its details only for the operator ({@code
 * management.endpoint.health.show-details}), everything else (metrics for Prometheus) for the
 * operator only. Scripts and Prometheus authenticate with HTTP Basic or a personal access token; an
 * operator's browser session is honoured too. Nothing here creates a session.
 */
@Configuration
class ActuatorSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain actuator(
      HttpSecurity http,
      ProblemResponses problems,
      AccessTokens tokens,
      DirectoryUserDetailsService people,
      LoginThrottle throttle)
      throws Exception {
    return SecurityConfiguration.operatorScripts(
            http.securityMatcher(EndpointRequest.toAnyEndpoint()),
            problems,
            tokens,
            people,
            throttle)
        .authorizeHttpRequests(
            a ->
                // load balancers probe readiness and liveness without credentials
                a.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                    .permitAll()
                    .anyRequest()
                    .hasRole("ADMIN"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .build();
  }
}
