package org.govflow.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.govflow.workflow.CamundaWebappAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Three chains: Camunda's REST API for operators only (HTTP Basic); our API for
 * every directory user (HTTP Basic, the browser's session, or a bearer token from the OpenID
 * Connect provider when one is configured); the pages (form login, or OpenID Connect when a client
 * is configured). Camunda's webapps sit behind the page chain and are for operators only. The
 * actuator's endpoints have a chain of their own ({@link ActuatorSecurity}).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt by default; the {id} prefix lets stored hashes move to a newer scheme later
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(
      HttpSecurity http,
      ProblemResponses problems,
      AccessTokens tokens,
      DirectoryUserDetailsService people,
      LoginThrottle throttle)
      throws Exception {
    return operatorScripts(
            http.securityMatcher(path("/engine-rest/**")), problems, tokens, people, throttle)
        .authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"))
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /**
   * The operator's scripts (and Prometheus) authenticate with HTTP Basic or a personal access token
   * instead of their password, and are answered 401 and 403 as problem details, never with a page;
   * failed attempts are counted and the next ones wait (429).
   */
  static HttpSecurity operatorScripts(
      HttpSecurity http,
      ProblemResponses problems,
      AccessTokens tokens,
      DirectoryUserDetailsService people,
      LoginThrottle throttle)
      throws Exception {
    return http.addFilterAfter(new LoginThrottleFilter(throttle, problems, false), CsrfFilter.class)
        .addFilterBefore(
            new AccessTokenFilter(tokens, people, problems.unauthorized()),
            BasicAuthenticationFilter.class)
        .requestCache(c -> c.disable())
        .httpBasic(b -> b.authenticationEntryPoint(problems.unauthorized()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems.unauthorized())
                    .accessDeniedHandler(problems.forbidden()));
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(
      HttpSecurity http,
      ProblemResponses problems,
      ObjectProvider<ClientRegistrationRepository> oidcClients,
      OidcPeople people,
      SecuritySettings settings,
      AccessTokens tokens,
      DirectoryUserDetailsService directoryUsers,
      LoginThrottle throttle)
      throws Exception {
    List<String> issuers = BearerTokens.issuers(oidcClients.getIfAvailable());
    boolean bearer = !issuers.isEmpty();
    // the API's OpenAPI document is read with the API's credentials, without a login page
    http.securityMatcher(
            new OrRequestMatcher(path("/api/**"), path("/v3/api-docs"), path("/v3/api-docs/**")))
        // failed HTTP Basic and token attempts are counted, the next ones wait (429)
        .addFilterAfter(new LoginThrottleFilter(throttle, problems, false), CsrfFilter.class)
        // personal access tokens, for this request only
        .addFilterBefore(
            new AccessTokenFilter(tokens, directoryUsers, problems.unauthorized(bearer)),
            BasicAuthenticationFilter.class)
        // a script's call (HTTP Basic, a token) and an anonymous one leave no session behind; the
        // browser keeps using the session it logged in with
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(c -> c.disable())
        .authorizeHttpRequests(
            a ->
                // calendar apps subscribe with a secret token in the address, without a login
                a.requestMatchers(path("/api/v1/calendar/*.ics"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(problems.unauthorized(bearer)))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems.unauthorized(bearer))
                    .accessDeniedHandler(problems.forbidden()))
        // a request with a session cookie is checked for the CSRF token whatever else it carries;
        // one without a session can only be authenticated by the credentials it brings itself
        // (HTTP Basic, a token), which another site cannot forge: browsers are never asked for
        // Basic credentials (ProblemResponses), so they hold none to send along
        .csrf(c -> c.ignoringRequestMatchers(request -> request.getRequestedSessionId() == null));
    if (bearer) {
      // with OpenID Connect, scripts may also bring an access token from the same provider
      http.oauth2ResourceServer(
          o ->
              o.authenticationEntryPoint(problems.unauthorized(bearer))
                  // personal access tokens are AccessTokenFilter's, not JWTs
                  .bearerTokenResolver(
                      request ->
                          AccessTokenFilter.token(request) != null
                              ? null
                              : new DefaultBearerTokenResolver().resolve(request))
                  .accessDeniedHandler(problems.forbidden())
                  .authenticationManagerResolver(
                      BearerTokens.resolver(issuers, people, settings.oidc().audiences())));
    }
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> oidcClients,
      OidcPeople people,
      LoginThrottle throttle,
      ProblemResponses problems)
      throws Exception {
    http.addFilterAfter(new LoginThrottleFilter(throttle, problems, true), CsrfFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/error",
                        "/public/**")
                    .permitAll()
                    .requestMatchers(path("/camunda/**"))
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    // a failure is counted; one that used up the allowance says how long to wait

                    .failureHandler(
                        (request, response, e) -> {
                          throttle.failed(
                              request.getParameter("username"), request.getRemoteAddr());
                          Duration wait =
                              throttle.waitBeforeNext(
                                  request.getParameter("username"), request.getRemoteAddr());
                          response.sendRedirect(
                              request.getContextPath()
                                  + (wait.isZero()
                                      ? "/login?error"
                                      : LoginThrottleFilter.WAIT_URL
                                          + LoginThrottleFilter.seconds(wait)));
                        })
                    .permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
        // Camunda's webapps carry their own CSRF protection, with the same cookie name as ours
        .csrf(c -> c.ignoringRequestMatchers(path("/camunda/**")))
        // a PDF version is shown inside this site's pages (documents' inline view); nothing else
        // may be framed. Camunda's webapps send their own policy, which theirs needs.
        .headers(
            h ->
                h.frameOptions(f -> f.disable())
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(path("/documents/*/versions/*/view")),
                            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(
                                new OrRequestMatcher(
                                    path("/camunda/**"), path("/documents/*/versions/*/view"))),
                            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            path("/documents/*/versions/*/view"),
                            new ContentSecurityPolicyHeaderWriter("frame-ancestors 'self'")))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .addHeaderWriter(
                        new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
    if (oidcClients.getIfAvailable() != null) {
      DirectoryOidcUserService users = new DirectoryOidcUserService(people);
      // the login page tells a refused person why (PageController)
      http.oauth2Login(
          o ->
              o.loginPage("/login")
                  .failureUrl(PageController.OIDC_FAILURE_URL)
                  .userInfoEndpoint(u -> u.oidcUserService(users)));
    }
    return http.build();
  }

  /**
   * The pages' scripts and styles are govflow's own files (htmx included); htmx adds its indicator
   * style inline, hence {@code 'unsafe-inline'} for styles only. No frames, no plugins, forms post
   * only here.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
          + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** The pages use no camera, microphone, location, payment or USB device. */
  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

  /**
   * Paths by pattern alone: Camunda's REST API and webapps are served by their own servlets and
   * filters, which Spring MVC's matchers do not see.
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /**
   * Hands the Spring Security user to Camunda's webapps (see {@link CamundaWebappAuthentication}).
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", CamundaWebappAuthentication.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    // after Spring Security's chain, which has already authenticated the user
    registration.setOrder(101);
    return registration;
  }

  /**
   * Camunda's REST API acts as the person Spring Security authenticated: the engine's history and
   * operation log name them, and a task completes only for whom it is routed to (the workflow
   * module checks the engine's current authentication).
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", CamundaWebappAuthentication.class.getName()));
    registration.addUrlPatterns("/engine-rest/*");
    // after Spring Security's chain, which has already authenticated the user
    registration.setOrder(101);
    return registration;
  }
}
