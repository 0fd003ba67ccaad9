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
            currentPerson(directory)
                .map(Person::language)
                .orElseGet(() -> browserLanguage(request)));
    resolver.setDefaultTimeZoneFunction(
        request ->
            currentPerson(directory).map(p -> TimeZone.getTimeZone(p.timeZone())).orElse(null));
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }

  private static Optional<Person> currentPerson(Directory directory) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || "anonymousUser".equals(authentication.getName())) {
      return Optional.empty();
    }
    return directory.person(authentication.getName());
  }

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
