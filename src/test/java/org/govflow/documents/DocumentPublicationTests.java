package org.govflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.govflow.documents.internal.DocumentAccess;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Published documents: the secretariat and leadership publish a version (API and page), members
 * cannot; anyone may then download that version from the public page, and nothing else.
 */
class DocumentPublicationTests {

  static final Participant OFFICER = new Participant("officer", Set.of(), true);

  static String startProcess(Processes processes) {
    return processes
        .start(
            "document-approval",
            Map.of(
                "title", "Declaration draft",
                "summary", "s",
                "approvingBody", "council-right-to-city",
                "respondBy", "2099-01-01"),
            "officer")
        .id();
  }

  @Nested
  @IntegrationTest
  @TestPropertySource(properties = "govflow.decisions.public-page=true")
  class SwitchedOn {
    @LocalServerPort int port;
    @Autowired Processes processes;
    @Autowired Documents documents;

    @Test
    void membersCannotPublishAndAnonymousReadsOnlyPublishedVersions() throws Exception {
      String process = startProcess(processes);
      String marker = UUID.randomUUID().toString().substring(0, 8);
      byte[] first = ("Declaration " + marker + " v1").getBytes(StandardCharsets.UTF_8);
      DocumentVersion v1 =
          documents.upload(OFFICER, process, null, "declaration-" + marker + ".txt", first);
      documents.upload(
          OFFICER,
          process,
          v1.documentId(),
          "declaration-" + marker + ".txt",
          "v2".getBytes(StandardCharsets.UTF_8));
      String v1Path = "/public/documents/" + v1.documentId() + "/versions/1";
      String v2Path = "/public/documents/" + v1.documentId() + "/versions/2";
      WebSession anonymous = new WebSession(port);
      WebSession api = new WebSession(port);

      // nothing is public yet
      assertThat(anonymous.download(v1Path).statusCode()).isEqualTo(404);
      // a member of the approving council takes part, but may not publish
      HttpResponse<String> byMember =
          api.postAs(
              "thandiwe.nkosi",
              "demo",
              "/api/v1/documents/" + v1.documentId() + "/versions/1/publish");
      assertThat(byMember.statusCode()).isEqualTo(403);
      assertThat(byMember.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(anonymous.download(v1Path).statusCode()).isEqualTo(404);

      HttpResponse<String> bySg =
          api.postAs("sg", "demo", "/api/v1/documents/" + v1.documentId() + "/versions/1/publish");
      assertThat(bySg.statusCode()).as(bySg.body()).isEqualTo(200);
      JsonNode published = new ObjectMapper().readTree(bySg.body());
      assertThat(published.path("publishedBy").asText()).isEqualTo("sg");
      assertThat(published.path("publishedAt").asText()).isNotBlank();
      assertThat(
              api.postAs("sg", "demo", "/api/v1/documents/no-such/versions/1/publish").statusCode())
          .isEqualTo(404);

      HttpResponse<byte[]> read = anonymous.download(v1Path);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).isEqualTo(first);
      assertThat(read.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("declaration-" + marker + ".txt");
      // the other version, unknown ones and the members' API stay closed to anonymous readers
      assertThat(anonymous.download(v2Path).statusCode()).isEqualTo(404);
      assertThat(anonymous.download("/public/documents/no-such/versions/1").statusCode())
          .isEqualTo(404);
      assertThat(anonymous.download("/public/documents/" + v1.documentId() + "/versions/x"))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(404);
      assertThat(
              anonymous
                  .download("/api/v1/documents/" + v1.documentId() + "/versions/2")
                  .statusCode())
          .isNotEqualTo(200);

      String page = anonymous.get("/public/decisions").body();
      assertThat(page)
          .contains("Published documents", "declaration-" + marker + ".txt")
          .contains("href=\"" + v1Path + "\"")
          .doesNotContain(v2Path);
    }

    @Test
    void theSecretariatPublishesFromTheProcessPageAndMembersSeeNoButton() {
      String process = startProcess(processes);
      DocumentVersion v1 =
          documents.upload(
              OFFICER, process, null, "minutes.txt", "Minutes".getBytes(StandardCharsets.UTF_8));
      String action = "/documents/" + v1.documentId() + "/versions/1/publish";

      WebSession member = new WebSession(port);
      member.login("thandiwe.nkosi", "demo");
      String memberPage = member.get("/processes/" + process).body();
      assertThat(memberPage).contains("minutes.txt").doesNotContain(action);
      HttpResponse<String> forbidden =
          member.postForm(
              action,
              Map.of("_csrf", WebSession.csrfToken(memberPage), "back", "/processes/" + process));
      assertThat(forbidden.statusCode()).isEqualTo(403);
      assertThat(forbidden.body()).contains("Only the secretariat and leadership may publish");

      WebSession officer = new WebSession(port);
      officer.login("officer", "demo");
      String page = officer.get("/processes/" + process).body();
      assertThat(page).contains("action=\"" + action + "\"", "Publish version 1");
      HttpResponse<String> done =
          officer.postForm(
              action, Map.of("_csrf", WebSession.csrfToken(page), "back", "/processes/" + process));
      assertThat(done.statusCode()).isEqualTo(302);
      assertThat(done.headers().firstValue("Location").orElseThrow())
          .endsWith("/processes/" + process);
      assertThat(officer.get("/processes/" + process).body())
          .contains("The version is published", "published")
          .doesNotContain("action=\"" + action + "\"");
      // a foreign address to go back to is not followed
      HttpResponse<String> elsewhere =
          officer.postForm(
              action,
              Map.of(
                  "_csrf",
                  WebSession.csrfToken(officer.get("/processes/" + process).body()),
                  "back",
                  "//evil.example/x"));
      assertThat(elsewhere.headers().firstValue("Location").orElseThrow())
          .doesNotContain("evil.example");
      assertThat(new WebSession(port).get("/public/decisions").body()).contains("minutes.txt");
    }
  }

  @Nested
  @IntegrationTest
  class ByDefault {
    @LocalServerPort int port;
    @Autowired Processes processes;
    @Autowired Documents documents;
    @Autowired DocumentAccess access;

    @Test
    void aPublishedVersionIsNotServedWhileThePublicPageIsOff() {
      String process = startProcess(processes);
      DocumentVersion v1 =
          documents.upload(
              OFFICER, process, null, "note.txt", "Note".getBytes(StandardCharsets.UTF_8));
      access.publish(new Participant("sg", Set.of(), true), v1.documentId(), 1);
      assertThat(
              new WebSession(port)
                  .download("/public/documents/" + v1.documentId() + "/versions/1")
                  .statusCode())
          .isEqualTo(404);
    }
  }
}
