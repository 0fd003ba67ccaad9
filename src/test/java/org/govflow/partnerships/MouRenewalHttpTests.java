package org.govflow.partnerships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A renewal driven through the HTTP API on PostgreSQL as the people in it would: the focal point
 * assesses, the Secretary General decides, the secretariat drafts, Legal reviews, the focal point
 * records the partner's answer, the President approves, uploads the signed copy and signs; the
 * register holds the new term and four decisions with their documents' SHA-256. GreenMail sees who
 * was told what, in which language, including the partner's contact when an MoU will lapse.
 */
@MailIntegrationTest
class MouRenewalHttpTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  MouHttp api;

  @BeforeEach
  void api() {
    api = new MouHttp(port);
  }

  @Test
  void aRenewalFromAssessmentToSignatureOverTheApi() throws Exception {
    long id = register("partner-fao", "Urban food systems, phase two", "es");
    var started = api.post("officer", "/api/v1/mous/" + id + "/renewal", "{}");
    assertThat(started.status()).isEqualTo(201);
    String pid = started.json().path("processInstanceId").asText();

    // the focal point (Spanish) is told, in Spanish, and assesses
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mailTo("tomas.ibarra@demo.govflow.org", "Para actuar: Evaluar la asociación")
                    != null);
    complete(
        "tomas.ibarra",
        pid,
        "Assess",
        Map.of("assessment", "Dos talleres conjuntos.", "recommendation", "renew-as-is"));
    complete("sg", pid, "Decide", Map.of("decision", "renew"));
    complete(
        "officer",
        pid,
        "DraftRenewal",
        Map.of("renewalText", "The MoU is renewed for three years."));
    complete("legal", pid, "LegalReview", Map.of("legalOpinion", "approve"));
    assertThat(stage(id)).isEqualTo("RecordPartnerAnswer");
    // a counter-proposal says what it is
    var refused =
        api.post(
            "tomas.ibarra",
            "/api/v1/tasks/" + task(pid, "RecordPartnerAnswer").getId() + "/complete",
            Map.of("values", Map.of("partnerAnswer", "counter-proposal")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").findValuesAsText("field")).contains("counterProposal");
    complete("tomas.ibarra", pid, "RecordPartnerAnswer", Map.of("partnerAnswer", "agreed"));
    complete("president", pid, "ApproveRenewal", Map.of("approval", "approve"));

    // the signed copy: not yet uploaded is refused, then uploaded and given
    String sign = task(pid, "SignRenewal").getId();
    api.post("president", "/api/v1/tasks/" + sign + "/claim", "{}");
    var notUploaded =
        api.post(
            "president",
            "/api/v1/tasks/" + sign + "/complete",
            Map.of("values", Map.of("signedDocumentId", "no-such-document")));
    assertThat(notUploaded.status()).isEqualTo(400);
    String documentId = upload("president", pid, "signed.pdf", pdf());
    var signed =
        api.post(
            "president",
            "/api/v1/tasks/" + sign + "/complete",
            Map.of("values", Map.of("signedDocumentId", documentId)));
    assertThat(signed.status()).isEqualTo(204);

    var mou = api.get("officer", "/api/v1/mous/" + id);
    assertThat(mou.json().path("summary").path("status").asText()).isEqualTo("renewed");
    assertThat(mou.json().path("terms")).hasSize(2);
    String signedSha = mou.json().path("terms").get(1).path("documentSha256").asText();
    assertThat(signedSha).hasSize(64);
    assertThat(mou.json().path("terms").get(1).path("endsOn").asText())
        .isEqualTo(LocalDate.now().plusMonths(2).plusYears(2).toString());
    List<Map<String, Object>> decisions =
        jdbc.queryForList(
            "select body_id, outcome, document_sha256 from decision where process_instance_id = ?"
                + " order by id",
            pid);
    assertThat(decisions)
        .extracting(d -> d.get("body_id") + ":" + d.get("outcome"))
        .containsExactly(
            "secretariat:renew",
            "secretariat-legal:approve",
            "presidency:approved",
            "presidency:signed");
    assertThat(decisions)
        .allSatisfy(d -> assertThat((String) d.get("document_sha256")).hasSize(64));
    assertThat(decisions.get(3).get("document_sha256")).isEqualTo(signedSha);
  }

  @Test
  void aLapseTellsThePartnersContactInThePartnersLanguage() {
    long id = register("partner-ilo", "Decent work, pilot cities", "fr");
    String pid = api.startRenewal(id);
    complete(
        "ines.moreau",
        pid,
        "Assess",
        Map.of("assessment", "Peu d'activité.", "recommendation", "let-lapse"));
    complete("sg", pid, "Decide", Map.of("decision", "lapse"));
    awaitMail(
        "contact.ilo@partner.example",
        "Protocole d’accord « MoU Decent work, pilot cities » : pas de renouvellement");
    assertThat(
            api.get("officer", "/api/v1/mous/" + id)
                .json()
                .path("summary")
                .path("renewalStage")
                .asText())
        .isEqualTo("AtExpiry");
  }

  @Test
  void escalationsTellThePresidencyAndTheSecretaryGeneralInTheirLanguageAndZone() throws Exception {
    long id = register("partner-ilo", "Green jobs in secondary cities", "en");
    String pid = api.startRenewal(id);
    // the notice date passes with the assessment still open: its timer fires
    fire(pid, "NoticeDatePassed");
    MimeMessage toCoPresident =
        awaitMail(
            "amina.diallo@",
            "Protocole « MoU Green jobs in secondary cities » avec Organisation internationale du"
                + " Travail (OIT) : date de préavis passée sans décision");
    String french = text(toCoPresident);
    assertThat(french)
        .contains("Amina")
        .contains("Organisation internationale du Travail")
        .contains("(Africa/Dakar)")
        .contains("Décider du renouvellement (date de préavis passée)")
        .contains("/partnerships/" + id)
        .doesNotContain("partner-ilo");
    MimeMessage toSecretaryGeneral =
        awaitMail("sg@", "Memorando «MoU Green jobs in secondary cities» con Organización");
    assertThat(text(toSecretaryGeneral)).contains("(Europe/Madrid)").contains("Lo que debe hacer");
    assertThat(awaitMail("president@", "MoU \"MoU Green jobs in secondary cities\" with"))
        .isNotNull();
    assertThat(stage(id)).isEqualTo("DecideLate");

    // decided late, renewed, but the expiry comes before the signature
    complete("sg", pid, "DecideLate", Map.of("decision", "renew"));
    task(pid, "DraftRenewal");
    fire(pid, "ExpiryReached");
    MimeMessage expired =
        awaitMail(
            "lucia.herrera@",
            "Memorando «MoU Green jobs in secondary cities» con Organización Internacional del"
                + " Trabajo (OIT): vencido antes de firmarse su renovación");
    assertThat(text(expired))
        .contains("(America/Bogota)")
        .contains("Resolver el memorando vencido");
    assertThat(
            api.get("officer", "/api/v1/mous/" + id).json().path("summary").path("status").asText())
        .isEqualTo("expired-renewal-pending");
    // once per person and escalation, however often the listener runs
    assertThat(
            Arrays.stream(TestMailServer.received())
                .filter(m -> recipient(m).startsWith("amina.diallo@"))
                .filter(m -> subject(m).startsWith("Protocole « MoU Green jobs"))
                .count())
        .isEqualTo(2);
  }

  private void fire(String pid, String timer) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                management.createJobQuery().processInstanceId(pid).activityId(timer).count() == 1);
    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(pid)
            .activityId(timer)
            .singleResult()
            .getId());
  }

  /** The message once it came: the outbox sends every few seconds, slower on a loaded machine. */
  private static MimeMessage awaitMail(String address, String subject) {
    await().atMost(Duration.ofSeconds(90)).until(() -> mailTo(address, subject) != null);
    try {
      return mailTo(address, subject);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) {
    return TestMailServer.part(message, "text/plain");
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return String.valueOf(m.getSubject());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long register(String partner, String title, String language) {
    return api.register(
        partner, title, partner.equals("partner-fao") ? "tomas.ibarra" : "ines.moreau", language);
  }

  private String stage(long id) {
    return api.get("officer", "/api/v1/mous/" + id)
        .json()
        .path("summary")
        .path("renewalStage")
        .asText();
  }

  private Task task(String pid, String step) {
    return MouHttp.task(tasks, pid, step);
  }

  private void complete(String user, String pid, String step, Map<String, Object> values) {
    Task task = task(pid, step);
    if (task.getAssignee() == null) {
      assertThat(api.post(user, "/api/v1/tasks/" + task.getId() + "/claim", "{}").status())
          .isEqualTo(204);
    }
    var done =
        api.post(user, "/api/v1/tasks/" + task.getId() + "/complete", Map.of("values", values));
    assertThat(done.status()).as(step + ": " + done.body()).isEqualTo(204);
  }

  private String upload(String user, String pid, String name, byte[] content) throws Exception {
    String boundary = "----govflow" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/api/v1/processes/" + pid + "/documents"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(r.body())
        .path("documentId")
        .asText();
  }

  private static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
            + "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static MimeMessage mailTo(String address, String subject) throws Exception {
    for (MimeMessage m : Arrays.asList(TestMailServer.received())) {
      if (m.getAllRecipients()[0].toString().contains(address)
          && m.getSubject() != null
          && m.getSubject().startsWith(subject)) {
        return m;
      }
    }
    return null;
  }
}
