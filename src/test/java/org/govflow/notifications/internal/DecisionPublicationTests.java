package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Votes;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Publishing a decision tells the members of the body that decided, each once, in their language.
 */
@MailIntegrationTest
class DecisionPublicationTests {

  @Autowired DecisionRegister register;

  @Test
  void theBodysMembersAreToldOnceInTheirLanguage() throws Exception {
    String marker = "RTC-" + UUID.randomUUID().toString().substring(0, 8);
    Decision decision =
        register.record(
            new NewDecision(
                "council-right-to-city",
                "policy-recommendation",
                null,
                marker,
                "Recommendation on public space",
                "adopted",
                new Votes(5, 1, 0, 1),
                List.of(),
                null,
                null,
                null,
                Instant.parse("2026-11-20T15:00:00Z"),
                "officer"));

    register.publish(decision.id(), "sg");
    register.publish(decision.id(), "sg");

    // the council has seven members (organization.yml)
    await().atMost(Duration.ofSeconds(30)).until(() -> received(marker).size() == 7);
    MimeMessage toAna = to("ana.belmonte@demo.govflow.org", marker);
    assertThat(toAna.getSubject()).startsWith("Decisión publicada, Consejo Político");
    assertThat(NotificationDeliveryTestsSupport.text(toAna))
        .contains("Resultado: Adoptada", "20 noviembre 2026, 16:00", "/decisions/" + decision.id());
    MimeMessage toThandiwe = to("thandiwe.nkosi@demo.govflow.org", marker);
    assertThat(NotificationDeliveryTestsSupport.text(toThandiwe))
        .contains("Outcome: Adopted", "20 November 2026, 17:00");
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> received(marker).size() == 7);
  }

  private static MimeMessage to(String address, String marker) {
    return received(marker).stream()
        .filter(m -> recipient(m).equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing to " + address));
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<MimeMessage> received(String marker) {
    return Arrays.stream(TestMailServer.received())
        .filter(m -> NotificationDeliveryTestsSupport.text(m).contains(marker))
        .toList();
  }
}
