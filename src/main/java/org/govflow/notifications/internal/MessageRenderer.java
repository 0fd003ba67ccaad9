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
import org.unbescape.html.HtmlEscape;

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

  /**
   * Renders once what several people read alike: the same language and time zone, the same model.
   * Each then gets their own name where the templates greet them ({@link Shared#to}). A template
   * that also used the recipient's id or address is rendered for each person instead.
   */
  Shared renderShared(
      String template, Person sample, String subjectKey, Map<String, Object> model) {
    Person standIn =
        new Person(
            ID_SLOT, NAME_SLOT, ID_SLOT, sample.language(), sample.timeZone(), sample.admin());
    Rendered rendered = render(template, standIn, subjectKey, model);
    boolean personal =
        rendered.subject().contains(ID_SLOT)
            || rendered.text().contains(ID_SLOT)
            || rendered.html().contains(ID_SLOT);
    return new Shared(this, template, subjectKey, model, personal ? null : rendered);
  }

  /** What {@link #renderShared} rendered, made out to one person at a time. */
  record Shared(
      MessageRenderer renderer,
      String template,
      String subjectKey,
      Map<String, Object> model,
      Rendered rendered) {

    Rendered to(Person person) {
      if (rendered == null) {
        return renderer.render(template, person, subjectKey, model);
      }
      return new Rendered(
          rendered.subject().replace(NAME_SLOT, person.name()),
          rendered.text().replace(NAME_SLOT, person.name()),
          rendered.html().replace(NAME_SLOT, HtmlEscape.escapeHtml4Xml(person.name())));
    }
  }

  // stand-ins no name or address contains, left alone by HTML escaping; a name goes in escaped
  // as Thymeleaf escapes th:text (unbescape, its own escaper)
  private static final String NAME_SLOT = "{{govflow:recipient-name}}";
  private static final String ID_SLOT = "{{govflow:recipient-id}}";

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
