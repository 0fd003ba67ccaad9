package org.govflow.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recommendation driven through the HTTP API as the people who act on it (HTTP Basic, demo
 * password), from launch to the World Council's wait: the council-right-to-city co-chairs review,
 * two Sections answer (Africa comments, Europe has no objection), the secretariat disposes of the
 * comment and consolidates, four members vote yes (which closes the vote), the President endorses.
 * Reusable wherever a recommendation must be awaiting the World Council (the meetings' tests).
 */
public final class RecommendationJourney {

  public static final String COUNCIL = "council-right-to-city";
  public static final List<String> CO_CHAIRS = List.of("ana.belmonte", "thandiwe.nkosi");
  public static final List<String> SECTIONS = List.of("section-africa", "section-europe");
  public static final Map<String, String> FOCAL_POINTS =
      Map.of("section-africa", "ibrahima.sarr", "section-europe", "elise.vandamme");

  /** Four of the council's seven members: enough for the result to be certain. */
  public static final List<String> YES_VOTERS =
      List.of("claire.dumont", "diego.fuentes", "layla.haddad", "marcus.whitfield");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String base;
  private final HttpClient client = HttpClient.newHttpClient();

  public RecommendationJourney(int port) {
    this.base = "http://localhost:" + port;
  }

  /** An answer from the API. */
  public record Answer(int status, JsonNode json, String body) {}

  /** A launched recommendation. */
  public record Launched(String processInstanceId, String businessKey) {}

  /** Launches, then drives it to the World Council's wait; returns it. */
  public Launched toWorldCouncil(String title) {
    Launched r = launch("officer", COUNCIL, title);
    coChairsApprove(r);
    sectionsAnswer(r);
    disposeOfComments(r, "officer");
    consolidate(
        r, "officer", "# " + title + "\n\nConsolidated text, with the informal settlements.\n");
    councilAdopts(r);
    presidencyEndorses(r);
    return r;
  }

  public Launched launch(String as, String council, String title) {
    Answer answer = launchAnswer(as, council, title);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return new Launched(
        answer.json().path("id").asText(), answer.json().path("businessKey").asText());
  }

  public Answer launchAnswer(String as, String council, String title) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("council", council);
    values.put("title", title);
    values.put("summary", "Cities recommend that housing be treated as a right.");
    values.put("document", "# " + title + "\n\nDraft text of the recommendation.\n");
    values.put("sections", SECTIONS);
    values.put("consultationDays", 15);
    return post(
        as, "/api/v1/processes", Map.of("processKey", "policy-recommendation", "values", values));
  }

  public void coChairsApprove(Launched r) {
    for (String coChair : CO_CHAIRS) {
      complete(coChair, r, Map.of("review", "approve"));
    }
  }

  public void sectionsAnswer(Launched r) {
    complete(
        FOCAL_POINTS.get("section-africa"),
        r,
        Map.of("response", "comments", "comments", "Mention informal settlements."));
    complete(FOCAL_POINTS.get("section-europe"), r, Map.of("response", "no-objection"));
  }

  public void disposeOfComments(Launched r, String as) {
    for (JsonNode a : recommendation(as, r).path("answers")) {
      if ("comments".equals(a.path("answer").asText()) && !a.hasNonNull("disposition")) {
        Answer answer =
            post(
                as,
                "/api/v1/recommendations/"
                    + r.businessKey()
                    + "/comments/"
                    + a.path("id").asLong()
                    + "/disposition",
                Map.of("disposition", "accepted", "reason", ""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
      }
    }
  }

  public void consolidate(Launched r, String as, String text) {
    complete(as, r, Map.of("document", text));
  }

  public void councilAdopts(Launched r) {
    for (String member : YES_VOTERS) {
      complete(member, r, Map.of("vote", "yes"));
    }
  }

  public void presidencyEndorses(Launched r) {
    complete("president", r, Map.of("endorsement", "endorse"));
  }

  /**
   * The recommendation as the API shows it to someone, waiting a little for its record: the draft
   * is stored by the job executor once the launch has committed.
   */
  public JsonNode recommendation(String as, Launched r) {
    Answer[] answer = new Answer[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              answer[0] = get(as, "/api/v1/recommendations/" + r.businessKey());
              assertThat(answer[0].status()).as(answer[0].body()).isEqualTo(200);
            });
    return answer[0].json();
  }

  /** Completes the person's one open task in the recommendation, and checks it went through. */
  public void complete(String as, Launched r, Map<String, ?> values) {
    Answer answer = completeAnswer(as, r, values);
    assertThat(answer.status()).as(as + ": " + answer.body()).isEqualTo(204);
  }

  public Answer completeAnswer(String as, Launched r, Map<String, ?> values) {
    return post(as, "/api/v1/tasks/" + taskOf(as, r) + "/complete", Map.of("values", values));
  }

  /**
   * The id of the person's one open task in the recommendation, waiting a little for it: the first
   * step after the launch runs in the job executor.
   */
  public String taskOf(String as, Launched r) {
    String[] found = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Answer inbox = get(as, "/api/v1/inbox?processKey=policy-recommendation&size=100");
              assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
              for (JsonNode t : inbox.json().path("tasks")) {
                if (r.processInstanceId().equals(t.path("processInstanceId").asText())) {
                  found[0] = t.path("id").asText();
                  return;
                }
              }
              throw new AssertionError(as + " has no task in " + r.businessKey());
            });
    return found[0];
  }

  public Answer get(String as, String path) {
    return send(request(as, path).GET().build());
  }

  public Answer post(String as, String path, Object body) {
    try {
      return send(
          request(as, path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    String token =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + token)
        .header("Accept", "application/json");
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
      } catch (IOException notJson) {
        json = JSON.missingNode();
      }
      return new Answer(response.statusCode(), json, response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
