package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whoever launched a process is told how it ended, in their language, once. */
@MailIntegrationTest
class ProcessOutcomeTests {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theInitiatorIsToldTheOutcomeInTheirLanguage() throws Exception {
    // the legal officer reads Spanish
    String businessKey = "DA-" + System.nanoTime();
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Annual report");
    variables.put("summary", "For approval");
    variables.put("approvingBody", "presidency");
    variables.put("respondBy", Date.from(Instant.parse("2026-12-10T18:00:00Z")));
    variables.put("initiator", "legal");
    String instance =
        runtime.startProcessInstanceByKey("document-approval", businessKey, variables).getId();
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

    assertThat(outcomes(instance)).isZero();
    tasks.complete(task, Map.of("decision", "reject"));

    assertThat(outcomes(instance)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> received(businessKey).size() == 1);
    MimeMessage mail = received(businessKey).get(0);
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("legal@demo.govflow.org");
    assertThat(mail.getSubject())
        .isEqualTo("Aprobación de documento " + businessKey + ": Documento rechazado");
    assertThat(NotificationDeliveryTestsSupport.text(mail))
        .contains("Un proceso que usted inició ha terminado.", "Resultado: Documento rechazado");
  }

  private int outcomes(String instance) {
    return jdbc.queryForObject(
        "select count(*) from notification where dedupe_key like ?",
        Integer.class,
        "process:" + instance + ":OUTCOME:%");
  }

  private static List<MimeMessage> received(String businessKey) {
    return Arrays.stream(TestMailServer.received())
        .filter(m -> NotificationDeliveryTestsSupport.text(m).contains(businessKey))
        .filter(m -> NotificationDeliveryTestsSupport.text(m).contains("Resultado"))
        .toList();
  }
}
