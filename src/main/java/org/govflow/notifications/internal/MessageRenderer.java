package org.govflow.notifications.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import org.govflow.directory.Person;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message from its Thymeleaf templates ({@code templates/mail/<name>.html} and {@code
 * .txt}) in the recipient's language, with dates in the recipient's time zone. A template engine of
 * its own, so mail templates never mix with the pages' resolver, but the application's message
 * bundle, so the texts live in {@code i18n/notifications*.properties}.
 */
@Component
class MessageRenderer {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final MessageSource messages;

  MessageRenderer(MessageSource messages) {
    this.messages = messages;
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    engine.setTemplateEngineMessageSource(messages);
  }

  Rendered render(String template, Person to, String subjectKey, Map<String, Object> model) {
    Context context = new Context(to.language(), model);
    context.setVariable("recipient", to);
    String html = engine.process(template + ".html", context);
    String text = engine.process(template + ".txt", context);
    Object[] subjectArgs = (Object[]) model.getOrDefault("subjectArgs", new Object[0]);
    String subject = messages.getMessage(subjectKey, subjectArgs, to.language());
    return new Rendered(subject, text, html);
  }

  /** A point in time as the recipient reads it: their language, their zone, the zone named. */
  static String dateTime(Instant instant, Person to) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
            .withLocale(to.language())
            .withZone(to.timeZone())
            .format(instant)
        + " ("
        + to.timeZone().getId()
        + ")";
  }

  private static ClassLoaderTemplateResolver resolver(
      TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(java.util.Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  record Rendered(String subject, String text, String html) {}
}
