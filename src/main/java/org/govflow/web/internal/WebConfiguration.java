package org.govflow.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Languages and time zones: a page is in the reader's language and time zone from the directory, a
 * language can be switched with {@code ?lang=fr} for the session, and someone not logged in gets
 * the browser's language among English, French and Spanish.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

  static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));

  @Bean
  LocaleResolver localeResolver(Directory directory) {
    SessionLocaleResolver resolver = new SessionLocaleResolver();
    resolver.setDefaultLocaleFunction(
        request ->
            currentPerson(directory, request)
                .map(Person::language)
                .orElseGet(() -> browserLanguage(request)));
    resolver.setDefaultTimeZoneFunction(
        request ->
            currentPerson(directory, request)
                .map(p -> TimeZone.getTimeZone(p.timeZone()))
                .orElse(null));
    return resolver;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgument());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
    // no control characters or bidirectional overrides in posted forms and parameters
    registry.addInterceptor(new ControlCharacters());
  }

  /**
   * The reader, looked up once per request: the locale and time zone are resolved many times while
   * a page renders, and each would otherwise read the directory again.
   */
  @SuppressWarnings("unchecked")
  private static Optional<Person> currentPerson(Directory directory, HttpServletRequest request) {
    Object cached = request.getAttribute(READER);
    if (cached != null) {
      return (Optional<Person>) cached;
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Optional<Person> reader =
        authentication == null
                || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getName())
            ? Optional.empty()
            : directory.person(authentication.getName());
    if (authentication != null) {
      request.setAttribute(READER, reader);
    }
    return reader;
  }

  private static final String READER = WebConfiguration.class.getName() + ".reader";

  private static Locale browserLanguage(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      Locale match = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
      return match == null ? Locale.ENGLISH : match;
    } catch (IllegalArgumentException e) {
      return Locale.ENGLISH;
    }
  }
}
