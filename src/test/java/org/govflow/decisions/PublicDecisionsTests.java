package org.govflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The public page of published decisions: off unless the installation switches it on. */
class PublicDecisionsTests {

  @Nested
  @IntegrationTest
  class ByDefault {
    @LocalServerPort int port;

    @Test
    void thereIsNoPublicPage() {
      assertThat(new WebSession(port).get("/public/decisions").statusCode()).isEqualTo(404);
    }
  }

  @Nested
  @IntegrationTest
  @TestPropertySource(properties = "govflow.decisions.public-page=true")
  class SwitchedOn {
    @LocalServerPort int port;
    @Autowired DecisionRegister register;

    @Test
    void anyoneReadsThePublishedDecisionsAndNothingElse() {
      String marker = UUID.randomUUID().toString().substring(0, 8);
      Decision published = register.record(decision("Published " + marker));
      register.publish(published.id(), "sg");
      register.record(decision("Internal " + marker));

      HttpResponse<String> page = new WebSession(port).get("/public/decisions");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Published " + marker).doesNotContain("Internal " + marker);
    }
  }

  private static NewDecision decision(String subject) {
    return new NewDecision(
        "world-council",
        "statutory-meeting",
        null,
        "WC-2026-01",
        subject,
        "adopted",
        new Votes(30, 2, 1, 5),
        List.of(),
        new Quorum(33, 20, true),
        null,
        null,
        Instant.parse("2026-06-01T09:00:00Z"),
        "officer");
  }
}
