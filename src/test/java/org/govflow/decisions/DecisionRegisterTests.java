package org.govflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The register on PostgreSQL: the chain, the append-only rule, and who sees what. */
@IntegrationTest
class DecisionRegisterTests {

  @Autowired DecisionRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void entriesAreChainedAndTheChainVerifies() {
    Decision first = register.record(decision("world-council", "Budget 2027"));
    Decision second = register.record(decision("world-council", "Work plan 2027"));

    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(second.previousHash())
        .isEqualTo(register.find(second.id() - 1).orElseThrow().hash());
    assertThat(first.hash()).matches("[0-9a-f]{64}").isNotEqualTo(second.hash());
    ChainVerification verification = register.verify();
    assertThat(verification.intact()).as("%s", verification).isTrue();
    assertThat(verification.checked()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void verificationNamesTheFirstEntryAlteredInTheDatabase() {
    register.record(decision("executive-bureau", "Before the tampered one"));
    Decision tampered = register.record(decision("executive-bureau", "Membership fees 2027"));
    register.record(decision("executive-bureau", "After the tampered one"));

    // someone with database rights goes around the append-only trigger
    asSuperuser("update decision set votes_for = 99 where id = " + tampered.id());
    try {
      ChainVerification verification = register.verify();
      assertThat(verification.intact()).isFalse();
      assertThat(verification.brokenAt()).isEqualTo(tampered.id());
      assertThat(verification.reason()).contains("content");
    } finally {
      asSuperuser("update decision set votes_for = 14 where id = " + tampered.id());
    }
    assertThat(register.verify().intact()).isTrue();
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteEntries() {
    Decision decision = register.record(decision("world-council", "Statute amendment"));

    assertThatThrownBy(
            () ->
                jdbc.sql("update decision set outcome = 'rejected' where id = ?")
                    .param(decision.id())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.sql("delete from decision where id = ?").param(decision.id()).update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(register.find(decision.id()).orElseThrow().content().outcome()).isEqualTo("adopted");
  }

  @Test
  void aCorrectionIsANewEntryPointingToTheOneItCorrects() {
    Decision original = register.record(decision("world-council", "Host city for 2028"));
    NewDecision fixed =
        new NewDecision(
            "world-council",
            null,
            null,
            null,
            "Host city for 2028 (votes recounted)",
            "adopted",
            new Votes(15, 2, 1, 3),
            List.of(),
            null,
            null,
            null,
            original.content().decidedAt(),
            "sg");

    Decision correction = register.correct(original.id(), fixed);

    assertThat(correction.corrects()).isEqualTo(original.id());
    Decision reread = register.find(original.id()).orElseThrow();
    assertThat(reread.content()).isEqualTo(original.content());
    assertThat(reread.correctedBy()).isEqualTo(correction.id());
    assertThat(register.verify().intact()).isTrue();
  }

  @Test
  void membersSeeTheirBodiesAndPublishedDecisionsLeadershipSeesAll() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Decision rtc = register.record(decision("council-right-to-city", "RTC " + marker));
    Decision finance = register.record(decision("council-multilevel-finance", "Finance " + marker));
    Decision published =
        register.record(decision("council-resilient-cities", "Resilience " + marker));
    register.publish(published.id(), "sg");

    // ana.belmonte co-chairs Right to the City and sits on no finance council
    assertThat(subjects("ana.belmonte", marker))
        .contains("RTC " + marker, "Resilience " + marker)
        .doesNotContain("Finance " + marker);
    assertThat(subjects("president", marker))
        .contains("RTC " + marker, "Finance " + marker, "Resilience " + marker);
    assertThat(subjects("officer", marker)).hasSize(3);
    WebSession script = new WebSession(port);
    assertThat(
            script.getAs("ana.belmonte", "demo", "/api/v1/decisions/" + finance.id()).statusCode())
        .isEqualTo(404);
    assertThat(script.getAs("ana.belmonte", "demo", "/api/v1/decisions/" + rtc.id()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theApiServesCsvAndExplainsABadDate() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    register.record(decision("world-council", "=cmd|' /C calc'!A0 " + marker));
    WebSession script = new WebSession(port);

    HttpResponse<String> csv =
        script.get(
            "/api/v1/decisions?q=" + marker,
            Map.of("Authorization", basic("officer"), "Accept", "text/csv"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("id,body,process").contains(",'=cmd|");

    HttpResponse<String> bad = script.getAs("officer", "demo", "/api/v1/decisions?from=yesterday");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode problem = json.readTree(bad.body());
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("from");
    assertThat(problem.path("errors").get(0).path("message").asText()).contains("YYYY-MM-DD");
  }

  @Test
  void onlyAdminsAndLeadershipRunTheVerification() {
    WebSession script = new WebSession(port);

    assertThat(script.getAs("ana.belmonte", "demo", "/api/v1/decisions/verification").statusCode())
        .isEqualTo(403);
    HttpResponse<String> admin = script.getAs("admin", "demo", "/api/v1/decisions/verification");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("\"checked\"");
  }

  private List<String> subjects(String user, String marker) throws Exception {
    HttpResponse<String> response =
        new WebSession(port).getAs(user, "demo", "/api/v1/decisions?q=" + marker);
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body()).findValuesAsText("subject");
  }

  private void asSuperuser(String sql) {
    transaction.executeWithoutResult(
        status -> {
          jdbc.sql("set local session_replication_role = replica").update();
          jdbc.sql(sql).update();
        });
  }

  private static String basic(String user) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void anOutcomeWithoutALabelIsRefusedAndNothingIsRecorded() {
    NewDecision d = decision("world-council", "Unreadable outcome");
    NewDecision unlabelled =
        new NewDecision(
            d.bodyId(),
            d.processKey(),
            d.processInstanceId(),
            d.businessKey(),
            d.subject(),
            "carried-over",
            d.votes(),
            d.namedVotes(),
            d.quorum(),
            d.rule(),
            d.documentSha256(),
            d.decidedAt(),
            d.recordedBy());

    assertThatThrownBy(() -> register.record(unlabelled))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decisions.outcome.carried-over");
    assertThat(
            jdbc.sql("select count(*) from decision where subject = 'Unreadable outcome'")
                .query(Long.class)
                .single())
        .isZero();
  }

  private static NewDecision decision(String body, String subject) {
    return new NewDecision(
        body,
        "policy-recommendation",
        null,
        "REC-TEST-2026-001",
        subject,
        "adopted",
        new Votes(14, 2, 1, 3),
        List.of(new NamedVote("amina.diallo", "yes")),
        new Quorum(17, 11, true),
        new RuleApplied("council-majority", 1),
        "c".repeat(64),
        Instant.parse("2026-03-01T10:00:00Z"),
        "officer");
  }
}
