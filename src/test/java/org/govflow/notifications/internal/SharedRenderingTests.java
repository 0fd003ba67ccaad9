package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govflow.directory.Person;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A message to a body is rendered once per language and time zone: every copy must read exactly as
 * if it had been rendered for its reader alone, names with quotes and ampersands included.
 */
class SharedRenderingTests {

  private final MessageRenderer renderer = new MessageRenderer(messages());

  @Test
  void eachCopyOfASharedRenderingReadsAsIfRenderedForItsReaderAlone() {
    ZoneId dakar = ZoneId.of("Africa/Dakar");
    List<Person> readers =
        List.of(
            new Person("amina", "Amina Diallo", "amina@example.org", Locale.FRENCH, dakar, false),
            new Person(
                "oneill", "Siobhán O'Neill & <Co>", "so@example.org", Locale.FRENCH, dakar, false),
            new Person(
                "moussa", "Moussa \"Le Maire\" Sy", "ms@example.org", Locale.FRENCH, dakar, false));
    Map<String, Object> model = model(readers.get(0));

    MessageRenderer.Shared shared =
        renderer.renderShared("task", readers.get(0), "notifications.task.subject", model);

    assertThat(shared.rendered()).as("rendered once for the three").isNotNull();
    for (Person reader : readers) {
      MessageRenderer.Rendered alone =
          renderer.render("task", reader, "notifications.task.subject", model);
      assertThat(shared.to(reader)).isEqualTo(alone);
      assertThat(shared.to(reader).text()).contains("Chère, cher " + reader.name() + ",");
    }
    assertThat(shared.to(readers.get(1)).html())
        .contains("O&#39;Neill &amp; &lt;Co&gt;")
        .doesNotContain("govflow:recipient");
  }

  private static Map<String, Object> model(Person reader) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("introKey", "notifications.task.intro");
    model.put("days", 0);
    model.put("taskName", "Examiner le document");
    model.put("businessKey", "DOC-2026-001");
    model.put("due", MessageRenderer.dateTime(Instant.parse("2026-12-10T18:00:00Z"), reader));
    model.put("link", "https://govflow.example.org/tasks/42");
    model.put("title", "Rapport annuel");
    model.put("subjectArgs", new Object[] {"Examiner le document · Rapport annuel"});
    return model;
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/notifications", "i18n/inbox");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
