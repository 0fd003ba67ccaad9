package org.govflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The quick start as {@code ./mvnw spring-boot:run} runs it: the embedded H2 file database (here a
 * fresh one under target/ instead of ./data) and the demo organisation.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:file:./target/smoke-h2/${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.generate-unique-process-application-name=true"
    })
@ActiveProfiles("demo")
class QuickStartSmokeTests {

  @LocalServerPort int port;

  @Test
  void servesTheLoginPageAndLetsThePresidentIn() {
    WebSession browser = new WebSession(port);
    assertThat(browser.get("/login").statusCode()).isEqualTo(200);

    browser.login("president", "demo");
    HttpResponse<String> me = browser.get("/api/v1/me");

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"id\":\"presidency\"");
  }
}
