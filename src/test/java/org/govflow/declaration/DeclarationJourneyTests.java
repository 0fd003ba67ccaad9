package org.govflow.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govflow.decisions.DecisionRegister;
import org.govflow.documents.Documents;
import org.govflow.recommendations.RecommendationJourney;
import org.govflow.recommendations.RecommendationJourney.Answer;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.govflow.support.WebSession;
import org.govflow.workflow.AwaitedDecisions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A declaration on PostgreSQL through the HTTP API, as the people who act on it, with real mail:
 * the launch, amendments by two Sections and the refusals on the way, the committee's dispositions,
 * the next version and its diff, validation, translations, the General Assembly's decision and the
 * register; the quick start's Daejeon Declaration; the page.
 */
@MailIntegrationTest
class DeclarationJourneyTests {

  private static final String DRAFT =
      "# Journey declaration\n\n1. We gather.\n2. Cities make the future.\n3. We act together.\n";

  @LocalServerPort int port;
  @Autowired AwaitedDecisions awaitedDecisions;
  @Autowired DecisionRegister register;
  @Autowired Documents documents;

  private RecommendationJourney api;

  @BeforeEach
  void setUp() {
    api = new RecommendationJourney(port);
  }

  @Test
  void theQuickStartHasTheDaejeonDeclarationInItsFirstRound() {
    JsonNode list = api.get("officer", "/api/v1/declarations").json();
    List<String> keys = new ArrayList<>();
    list.forEach(
        d -> {
          if ("The Daejeon Declaration".equals(d.path("title").asText())) {
            keys.add(d.path("businessKey").asText());
          }
        });
    assertThat(keys).hasSize(1);
    JsonNode d = api.get("ibrahima.sarr", "/api/v1/declarations/" + keys.get(0)).json();
    assertThat(d.path("stage").asText()).isEqualTo("drafting");
    assertThat(d.path("paragraphs")).hasSize(12);
    assertThat(d.path("amendments").size()).isGreaterThanOrEqualTo(4);
    assertThat(d.path("notAnswered").toString()).contains("section-africa");
    Answer inbox = api.get("ibrahima.sarr", "/api/v1/inbox?processKey=declaration-cocreation");
    assertThat(inbox.body()).contains(keys.get(0)).contains("Déposer des amendements");
    WebSession session = new WebSession(port);
    session.login("ibrahima.sarr", "demo");
    HttpResponse<String> page = session.get("/declarations/" + keys.get(0));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Déposer").contains("12.");
  }

  @Test
  void amendedDisposedValidatedTranslatedAndAdopted() throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", "Journey declaration");
    values.put("draft", DRAFT);
    values.put("language", "en");
    values.put("groups", List.of("section-africa", "section-europe"));
    values.put("rounds", 1);
    values.put("roundDays", 10);
    Answer notSplit =
        api.post(
            "officer",
            "/api/v1/processes",
            Map.of(
                "processKey",
                "declaration-cocreation",
                "values",
                withDraft(values, "Just prose, with no numbered paragraph at all.")));
    assertThat(notSplit.status()).as(notSplit.body()).isEqualTo(400);
    assertThat(notSplit.body()).contains("draft");
    Answer launched =
        api.post(
            "officer",
            "/api/v1/processes",
            Map.of("processKey", "declaration-cocreation", "values", values));
    assertThat(launched.status()).as(launched.body()).isEqualTo(201);
    String key = launched.json().path("businessKey").asText();
    String pid = launched.json().path("id").asText();
    assertThat(key).matches("DECL-\\d{4}-\\d{3}");
    String base = "/api/v1/declarations/" + key;

    // the Africa section's focal point is told in French
    assertThat(mailTo("ibrahima.sarr", key).getSubject())
        .startsWith("À traiter : Déposer des amendements (groupe contributeur)");

    // refusals, each saying what to fix, nothing filed
    assertRefused(
        api.post(
            "ibrahima.sarr",
            base + "/amendments",
            amendment("section-africa", "modify", "p9", "x")),
        400,
        "paragraphId");
    assertRefused(
        api.post(
            "ibrahima.sarr",
            base + "/amendments",
            amendment("section-africa", "rewrite", "p1", "x")),
        400,
        "kind");
    assertRefused(
        api.post(
            "ibrahima.sarr", base + "/amendments", amendment("section-africa", "modify", "p1", "")),
        400,
        "text");
    assertRefused(
        api.post(
            "ibrahima.sarr",
            base + "/amendments",
            amendment("section-europe", "modify", "p1", "x")),
        403,
        null);
    assertThat(api.get("officer", base).json().path("amendments")).isEmpty();

    Answer africa =
        api.post(
            "ibrahima.sarr",
            base + "/amendments",
            amendment("section-africa", "modify", "p2", "African cities make the future."));
    assertThat(africa.status()).as(africa.body()).isEqualTo(201);
    long africaId = africa.json().path("id").asLong();
    Answer europe =
        api.post(
            "elise.vandamme",
            base + "/amendments",
            amendment("section-europe", "insert-after", "p3", "We meet again in 2028."));
    long europeId = europe.json().path("id").asLong();
    // the committee disposes only once the round is closed
    assertRefused(
        api.post(
            "officer",
            base + "/amendments/" + africaId + "/disposition",
            disposition("accepted", null, "ok")),
        409,
        null);
    complete("ibrahima.sarr", launchedAs(pid, key), Map.of());
    complete("elise.vandamme", launchedAs(pid, key), Map.of());
    assertRefused(
        api.post(
            "ibrahima.sarr",
            base + "/amendments",
            amendment("section-africa", "delete", "p1", null)),
        409,
        null);

    assertRefused(
        api.post(
            "ibrahima.sarr",
            base + "/amendments/" + africaId + "/disposition",
            disposition("accepted", null, "ok")),
        403,
        null);
    // the committee's task waits for every disposition
    Answer early = completeAnswer("officer", launchedAs(pid, key), Map.of());
    assertThat(early.status()).as(early.body()).isEqualTo(400);
    assertRefused(
        api.post(
            "officer",
            base + "/amendments/" + africaId + "/disposition",
            disposition("accepted-as-modified", "", "Shorter.")),
        400,
        "text");
    Answer modified =
        api.post(
            "officer",
            base + "/amendments/" + africaId + "/disposition",
            disposition("accepted-as-modified", "Cities of Africa make the future.", "Wording."));
    assertThat(modified.status()).as(modified.body()).isEqualTo(204);
    assertRefused(
        api.post(
            "officer",
            base + "/amendments/" + africaId + "/disposition",
            disposition("rejected", null, "Second thoughts.")),
        409,
        null);
    api.post(
        "officer",
        base + "/amendments/" + europeId + "/disposition",
        disposition("rejected", null, "Too early to say."));
    complete("officer", launchedAs(pid, key), Map.of());

    JsonNode d = api.get("officer", base).json();
    assertThat(d.path("currentVersion").asInt()).isEqualTo(2);
    assertThat(d.path("paragraphs").get(1).path("text").asText())
        .isEqualTo("Cities of Africa make the future.");
    JsonNode diff = api.get("officer", base + "/diff?from=1&to=2").json();
    assertThat(diff.get(1).path("change").asText()).isEqualTo("MODIFIED");
    assertThat(diff.get(1).toString()).contains("of Africa");
    assertThat(api.get("officer", base + "/diff?from=1&to=7").status()).isEqualTo(404);

    complete("minseo.lee", launchedAs(pid, key), Map.of("validation", "approve"));
    complete("president", launchedAs(pid, key), Map.of("validation", "approve"));
    // translations: one missing a paragraph is refused
    Answer missing =
        completeAnswer("officer", launchedAs(pid, key), Map.of("translation", "1. Un.\n2. Deux."));
    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    assertThat(missing.body()).contains("translation");
    for (int i = 0; i < 2; i++) {
      String task = taskOf("officer", launchedAs(pid, key));
      Answer t =
          api.post(
              "officer",
              "/api/v1/tasks/" + task + "/complete",
              Map.of("values", Map.of("translation", "1. Uno.\n2. Dos.\n3. Tres.")));
      assertThat(t.status()).as(t.body()).isEqualTo(204);
    }
    assertThat(api.get("officer", base).json().path("stage").asText()).isEqualTo("adoption");
    assertThat(awaitedDecisions.awaiting("general-assembly"))
        .anyMatch(a -> a.businessKey().equals(key));

    assertThat(awaitedDecisions.decide(key, "adopted", null, "GA-2026-01")).isTrue();
    assertThat(api.get("officer", base).json().path("stage").asText()).isEqualTo("adopted");
    String sha = api.get("officer", base).json().path("currentSha256").asText();
    assertThat(register.ofProcess(pid))
        .extracting(x -> x.content().outcome())
        .contains("amendments-disposed", "approved", "adopted");
    assertThat(register.ofProcess(pid))
        .allSatisfy(x -> assertThat(x.content().documentSha256()).isEqualTo(sha));
    assertThat(register.verify().intact()).isTrue();

    // publication: the adopted text in its authentic language and both translations, published
    // through the documents module, each naming the register entry and the authentic SHA-256
    long adoption =
        register.ofProcess(pid).stream()
            .filter(x -> x.content().outcome().equals("adopted"))
            .findFirst()
            .orElseThrow()
            .id();
    JsonNode published = api.get("officer", base).json().path("published");
    assertThat(published).hasSize(3);
    assertThat(published.get(0).path("language").asText()).isEqualTo("en");
    assertThat(published.get(0).path("authentic").asBoolean()).isTrue();
    List<String> languages = new ArrayList<>();
    for (JsonNode p : published) {
      languages.add(p.path("language").asText());
      assertThat(p.path("decisionId").asLong()).isEqualTo(adoption);
      assertThat(p.path("authenticSha256").asText()).isEqualTo(sha);
    }
    assertThat(languages).containsExactlyInAnyOrder("en", "fr", "es");
    Answer authentic =
        api.get(
            "officer",
            "/api/v1/documents/"
                + published.get(0).path("documentId").asText()
                + "/versions/"
                + published.get(0).path("documentVersion").asInt());
    assertThat(authentic.status()).as(authentic.body()).isEqualTo(200);
    assertThat(authentic.body())
        .contains("# Journey declaration")
        .contains("2. Cities of Africa make the future.")
        .contains(sha)
        .contains("entry " + adoption);
    assertThat(
            documents.published(500).stream()
                .filter(x -> pid.equals(x.processInstanceId()))
                .map(x -> x.version().documentId()))
        .containsExactlyInAnyOrderElementsOf(
            published.findValues("documentId").stream().map(JsonNode::asText).toList());

    // the outcome, to every member of both groups in their own language, with their group's
    // amendments, dispositions and the committee's reasons
    MimeMessage africaMail = mailTo("ibrahima.sarr", key, "Adoptée");
    String africaBody = TestMailServer.part(africaMail, "text/plain");
    assertThat(africaMail.getSubject()).isEqualTo("Adoptée : Journey declaration");
    assertThat(africaBody)
        .contains("/declarations/" + key)
        .contains("Accepté avec modifications")
        .contains("Cities of Africa make the future.")
        .contains("Wording.")
        .doesNotContain("Too early to say.");
    assertThat(mailTo("aissatou.kone", key, "Adoptée").getSubject())
        .isEqualTo("Adoptée : Journey declaration");
    MimeMessage europeMail = mailTo("joao.tavares", key, "Adopted");
    assertThat(europeMail.getSubject()).isEqualTo("Adopted: Journey declaration");
    assertThat(TestMailServer.part(europeMail, "text/plain"))
        .contains("Rejected")
        .contains("Too early to say.")
        .contains("We meet again in 2028.")
        .doesNotContain("Wording.");
    assertThat(
            Arrays.stream(TestMailServer.received())
                .filter(m -> subjectOf(m).equals("Adoptée : Journey declaration"))
                .filter(m -> recipients(m).contains("ibrahima.sarr@demo.govflow.org"))
                .count())
        .isEqualTo(1);

    WebSession session = new WebSession(port);
    session.login("officer", "demo");
    HttpResponse<String> page = session.get("/declarations/" + key + "?from=1&to=2");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("of Africa").contains("Cities of Africa make the future.");
  }

  /** Completes the person's one open task in the declaration, and checks it went through. */
  private void complete(String as, RecommendationJourney.Launched d, Map<String, ?> values) {
    Answer answer = completeAnswer(as, d, values);
    assertThat(answer.status()).as(as + ": " + answer.body()).isEqualTo(204);
  }

  private Answer completeAnswer(
      String as, RecommendationJourney.Launched d, Map<String, ?> values) {
    return api.post(as, "/api/v1/tasks/" + taskOf(as, d) + "/complete", Map.of("values", values));
  }

  /** The id of the person's first open task in the declaration, waiting a little for it. */
  private String taskOf(String as, RecommendationJourney.Launched d) {
    String[] found = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Answer inbox =
                  api.get(as, "/api/v1/inbox?processKey=declaration-cocreation&size=100");
              assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
              for (JsonNode t : inbox.json().path("tasks")) {
                if (d.processInstanceId().equals(t.path("processInstanceId").asText())) {
                  found[0] = t.path("id").asText();
                  return;
                }
              }
              throw new AssertionError(as + " has no task in " + d.businessKey());
            });
    return found[0];
  }

  private static Map<String, Object> withDraft(Map<String, Object> values, String draft) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put("draft", draft);
    return copy;
  }

  private static RecommendationJourney.Launched launchedAs(String pid, String key) {
    return new RecommendationJourney.Launched(pid, key);
  }

  private static Map<String, Object> amendment(
      String group, String kind, String paragraphId, String text) {
    Map<String, Object> body = new HashMap<>();
    body.put("group", group);
    body.put("kind", kind);
    body.put("paragraphId", paragraphId);
    body.put("text", text);
    body.put("justification", "Because.");
    return body;
  }

  private static Map<String, Object> disposition(String outcome, String text, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("outcome", outcome);
    body.put("text", text);
    body.put("reason", reason);
    return body;
  }

  private static void assertRefused(Answer answer, int status, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().path("detail").asText()).as(answer.body()).isNotBlank();
    if (field != null) {
      assertThat(answer.json().path("errors").toString()).as(answer.body()).contains(field);
    }
  }

  /** The last mail to the person about the declaration whose subject starts so. */
  private static MimeMessage mailTo(String personId, String key, String subjectStart) {
    String address = personId + "@demo.govflow.org";
    List<MimeMessage> found = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              found.clear();
              for (MimeMessage m : TestMailServer.received()) {
                if (recipients(m).contains(address)
                    && subjectOf(m).startsWith(subjectStart)
                    && GreenMailUtil.getBody(m).contains(key)) {
                  found.add(m);
                }
              }
              return !found.isEmpty();
            });
    return found.get(found.size() - 1);
  }

  private static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject() == null ? "" : m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> recipients(MimeMessage m) {
    try {
      return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage mailTo(String personId, String key) {
    return mailTo(personId, key, "");
  }
}
