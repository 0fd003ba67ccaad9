package org.govflow.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.govflow.recommendations.RecommendationJourney.Answer;
import org.govflow.recommendations.RecommendationJourney.Launched;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.govflow.support.WebSession;
import org.govflow.workflow.AwaitedDecisions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A recommendation on PostgreSQL through the HTTP API, as the people who act on it, with real mail:
 * who may launch, who was told what in which language, the refusals on the way (a comment without
 * disposition, a disposition without reason), the register entries and the page.
 */
@MailIntegrationTest
class PolicyRecommendationJourneyTests {

  @LocalServerPort int port;
  @Autowired AwaitedDecisions awaitedDecisions;
  @Autowired HistoryService history;

  private RecommendationJourney journey;

  @BeforeEach
  void setUp() {
    journey = new RecommendationJourney(port);
  }

  @Test
  void theQuickStartHasRecommendationsAtDifferentStages() {
    // the demo profile is on: each of these people finds a recommendation waiting for them
    assertThat(stepsFor("ana.belmonte")).contains("ReviewByCoChairs");
    assertThat(stepsFor("ibrahima.sarr")).contains("ConsultSections");
    assertThat(stepsFor("kwame.mensah")).contains("CouncilVote");
    assertThat(stepsFor("president")).contains("EndorseRecommendation");
    JsonNode list = journey.get("officer", "/api/v1/recommendations").json();
    List<String> titles = new ArrayList<>();
    list.forEach(r -> titles.add(r.path("title").asText()));
    // seeded once, whatever the number of restarts
    assertThat(titles)
        .containsOnlyOnce(
            "Housing as a human right in intermediary cities",
            "Culture as the fourth pillar of sustainable development",
            "Access of local governments to climate finance",
            "Local early-warning systems for climate risks",
            "Participatory budgeting in secondary cities");
    // submitted to the World Council (a meeting test may have decided it since)
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .variableValueEquals(
                    AwaitedDecisions.AWAITED_SUBJECT, "Participatory budgeting in secondary cities")
                .count())
        .isEqualTo(1);
  }

  @Test
  void theSecretariatGivesDispositionsOnTheRecommendationsPage() {
    Launched r = journey.launch("officer", "council-right-to-city", "Dispositions in the browser");
    journey.coChairsApprove(r);
    journey.sectionsAnswer(r);
    long comment = journey.recommendation("officer", r).path("answers").get(0).path("id").asLong();
    String action = "/recommendations/" + r.businessKey() + "/comments/" + comment + "/disposition";

    WebSession officer = new WebSession(port);
    officer.login("officer", "demo");
    String page = officer.get("/recommendations/" + r.businessKey()).body();
    assertThat(page).contains(action, "Mention informal settlements.");
    // not accepted without a reason: the page again, the error beside the field, nothing stored
    HttpResponse<String> refused =
        officer.postForm(
            action, Map.of("_csrf", WebSession.csrfToken(page), "disposition", "not-accepted"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Give the reason.");
    JsonNode stillOpen = journey.recommendation("officer", r).path("answers").get(0);
    assertThat(stillOpen.hasNonNull("disposition")).isFalse();

    HttpResponse<String> saved =
        officer.postForm(
            action,
            Map.of(
                "_csrf",
                WebSession.csrfToken(page),
                "disposition",
                "not-accepted",
                "reason",
                "Outside the council's mandate."));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(officer.get("/recommendations/" + r.businessKey()).body())
        .contains("Not accepted", "Outside the council&#39;s mandate.")
        .doesNotContain(action);
    journey.consolidate(r, "officer", "# Dispositions in the browser\n\nConsolidated text.\n");
    assertThat(journey.recommendation("officer", r).path("stage").toString())
        .contains("CouncilVote");
  }

  @Test
  void theReusableJourneyReachesTheWorldCouncilWhichRejects() {
    Launched r = journey.toWorldCouncil("Rejected by the World Council");
    assertThat(awaitedDecisions.awaiting("world-council"))
        .extracting(a -> a.businessKey())
        .contains(r.businessKey());

    // given by someone other than a meeting (no register entry yet): the process records it once
    assertThat(awaitedDecisions.decide(r.businessKey(), "rejected", null, null)).isTrue();
    assertThat(awaitedDecisions.decide(r.businessKey(), "rejected", null, null)).isFalse();

    JsonNode decided = journey.recommendation("officer", r);
    assertThat(decided.path("outcome").asText()).isEqualTo("rejected");
    JsonNode last = decided.path("decisions").get(decided.path("decisions").size() - 1);
    assertThat(last.path("content").path("bodyId").asText()).isEqualTo("world-council");
    assertThat(last.path("content").path("outcome").asText()).isEqualTo("rejected");
    assertThat(last.path("content").path("documentSha256").asText())
        .isEqualTo(decided.path("versions").get(1).path("sha256").asText());
    assertThat(decided.path("decisions").findValuesAsText("bodyId"))
        .containsOnlyOnce("world-council");
  }

  /** The steps of the recommendations in a person's inbox, by activity id. */
  private List<String> stepsFor(String personId) {
    List<String> steps = new ArrayList<>();
    for (JsonNode t :
        journey
            .get(personId, "/api/v1/inbox?processKey=policy-recommendation&size=100")
            .json()
            .path("tasks")) {
      JsonNode page =
          journey.get(personId, "/api/v1/recommendations/" + t.path("businessKey").asText()).json();
      page.path("stage").forEach(s -> steps.add(s.asText()));
    }
    return steps;
  }

  @Test
  void aCoChairLaunchesForTheirOwnCouncilOnly() {
    // a plain council member may not launch at all
    assertThat(journey.launchAnswer("diego.fuentes", "council-right-to-city", "Not mine").status())
        .isEqualTo(403);
    // a co-chair of another council: refused beside the council field, nothing started
    Answer other = journey.launchAnswer("ana.belmonte", "council-resilient-cities", "Not hers");
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.json().path("errors").get(0).path("field").asText()).isEqualTo("council");
    assertThat(other.json().path("errors").get(0).path("message").asText())
        .isEqualTo("Un/a copresidente/a solo propone recomendaciones para su propio consejo.");
    // the process types a co-chair sees
    assertThat(journey.get("ana.belmonte", "/api/v1/process-types").body())
        .contains("policy-recommendation")
        .doesNotContain("document-approval");

    Launched r = journey.launch("ana.belmonte", "council-right-to-city", "Her own council");
    assertThat(r.businessKey()).matches("REC-RTC-\\d{4}-\\d{3}");
    assertThat(journey.recommendation("ana.belmonte", r).path("rapporteur").asText())
        .isEqualTo("ana.belmonte");
  }

  @Test
  void fromLaunchToTheWorldCouncilsDecision() throws Exception {
    Launched r = journey.launch("officer", "council-right-to-city", "Housing is a right");

    // each co-chair is told in their own language
    assertThat(mailTo("ana.belmonte", r).getSubject())
        .isEqualTo("Para actuar: Revisar el borrador (copresidencia) · Housing is a right");
    assertThat(mailTo("thandiwe.nkosi", r).getSubject())
        .isEqualTo("To act on: Review the draft (co-chair) · Housing is a right");
    // changes requested by one co-chair: back to the rapporteur, who writes version 2
    journey.complete("ana.belmonte", r, Map.of("review", "changes", "reviewComment", "Shorter."));
    journey.complete("thandiwe.nkosi", r, Map.of("review", "approve"));
    journey.complete("officer", r, Map.of("document", "# Housing is a right\n\nShorter.\n"));
    journey.coChairsApprove(r);

    // the Sections' focal points are told, in French
    assertThat(mailTo("ibrahima.sarr", r).getSubject())
        .isEqualTo("À traiter : Répondre à la consultation (Section) · Housing is a right");
    Answer noComment = journey.completeAnswer("ibrahima.sarr", r, Map.of("response", "comments"));
    assertThat(noComment.status()).isEqualTo(400);
    assertThat(noComment.json().path("errors").get(0).path("field").asText()).isEqualTo("comments");
    journey.sectionsAnswer(r);

    // the consolidation waits for a disposition of every comment
    Answer early =
        journey.completeAnswer(
            "officer", r, Map.of("document", "# Housing is a right\n\nConsolidated."));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.json().path("errors").get(0).path("message").asText())
        .contains("1 Section comment(s) still need a disposition");
    long comment = journey.recommendation("officer", r).path("answers").get(0).path("id").asLong();
    Answer noReason =
        journey.post(
            "officer",
            "/api/v1/recommendations/" + r.businessKey() + "/comments/" + comment + "/disposition",
            Map.of("disposition", "partly"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    Answer notSecretariat =
        journey.post(
            "ibrahima.sarr",
            "/api/v1/recommendations/" + r.businessKey() + "/comments/" + comment + "/disposition",
            Map.of("disposition", "accepted"));
    assertThat(notSecretariat.status()).isEqualTo(403);
    journey.post(
        "officer",
        "/api/v1/recommendations/" + r.businessKey() + "/comments/" + comment + "/disposition",
        Map.of("disposition", "partly", "reason", "Mentioned in the preamble."));
    journey.consolidate(
        r, "officer", "# Housing is a right\n\nShorter, with informal settlements.\n");

    // every member is told of their vote; four yes of seven close it
    assertThat(mailTo("layla.haddad", r).getSubject())
        .isEqualTo("À traiter : Voter sur la recommandation · Housing is a right");
    journey.councilAdopts(r);
    assertThat(mailTo("president", r).getSubject())
        .isEqualTo("To act on: Endorse the recommendation · Housing is a right");
    journey.presidencyEndorses(r);

    JsonNode page = journey.recommendation("officer", r);
    assertThat(page.path("stage").toString()).contains("AwaitWorldCouncil");
    assertThat(page.path("versions")).hasSize(3);
    assertThat(page.path("versions").get(2).path("diff").toString())
        .contains("+Shorter, with informal settlements.");
    assertThat(page.path("answers").get(0).path("disposition").asText()).isEqualTo("partly");
    assertThat(page.path("votes")).hasSize(4);
    String sha = page.path("versions").get(2).path("sha256").asText();
    JsonNode vote = page.path("decisions").get(0).path("content");
    assertThat(vote.path("bodyId").asText()).isEqualTo("council-right-to-city");
    assertThat(vote.path("outcome").asText()).isEqualTo("adopted");
    assertThat(vote.path("votes").path("inFavour").asInt()).isEqualTo(4);
    assertThat(vote.path("votes").path("absent").asInt()).isEqualTo(3);
    assertThat(vote.path("quorum").path("required").asInt()).isEqualTo(4);
    assertThat(vote.path("rule").path("key").asText()).isEqualTo("recommendation-vote");
    assertThat(vote.path("rule").path("version").asInt()).isPositive();
    assertThat(vote.path("documentSha256").asText()).isEqualTo(sha);
    assertThat(vote.path("namedVotes")).hasSize(4);
    JsonNode endorsement = page.path("decisions").get(1).path("content");
    assertThat(endorsement.path("bodyId").asText()).isEqualTo("presidency");
    assertThat(endorsement.path("outcome").asText()).isEqualTo("endorsed");
    assertThat(endorsement.path("recordedBy").asText()).isEqualTo("president");

    assertThat(awaitedDecisions.awaiting("world-council"))
        .anySatisfy(
            a -> {
              assertThat(a.businessKey()).isEqualTo(r.businessKey());
              assertThat(a.documentSha256()).isEqualTo(sha);
            });
    assertThat(awaitedDecisions.decide(r.businessKey(), "adopted", null, "WC-2026-01")).isTrue();

    JsonNode decided = journey.recommendation("officer", r);
    assertThat(decided.path("running").asBoolean()).isFalse();
    assertThat(decided.path("outcome").asText()).isEqualTo("adopted");
    assertThat(decided.path("decisions")).hasSize(3);
    assertThat(decided.path("decisions").get(2).path("content").path("bodyId").asText())
        .isEqualTo("world-council");
    assertThat(decided.path("decisions").get(2).path("published").asBoolean()).isTrue();
    assertThat(journey.get("sg", "/api/v1/decisions?processKey=policy-recommendation").body())
        .contains(r.businessKey());

    // the page, for a participant and for someone with no part in it
    WebSession officer = new WebSession(port);
    officer.login("officer", "demo");
    String html = officer.get("/recommendations/" + r.businessKey()).body();
    assertThat(html).contains("Housing is a right", "Version 3", "Mentioned in the preamble.");
    WebSession outsider = new WebSession(port);
    outsider.login("kwame.mensah", "demo");
    assertThat(outsider.get("/recommendations/" + r.businessKey()).statusCode()).isEqualTo(404);
  }

  /**
   * The newest task mail to a person about this recommendation (one with a task link: the demo's
   * published decisions may name the same key), once the outbox has sent it.
   */
  private static MimeMessage mailTo(String personId, Launched r) {
    String address = personId + "@demo.govflow.org";
    List<MimeMessage> found = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              found.clear();
              for (MimeMessage m : TestMailServer.received()) {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))
                    && GreenMailUtil.getBody(m).contains(r.businessKey())
                    && GreenMailUtil.getBody(m).contains("/tasks/")) {
                  found.add(m);
                }
              }
              return !found.isEmpty();
            });
    return found.get(found.size() - 1);
  }
}
