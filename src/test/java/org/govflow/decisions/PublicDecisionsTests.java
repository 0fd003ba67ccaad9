package org.govflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The public page of published decisions: off unless the installation switches it on. */
class PublicDecisionsTests {

  @Nested
  @IntegrationTest
  class ByDefault {
    @LocalServerPort int port;

    @Test
    void thereIsNoPublicPage() {
      assertThat(new WebSession(port).get("/public/decisions").statusCode()).isEqualTo(404);
      assertThat(new WebSession(port).get("/public/decisions.atom").statusCode()).isEqualTo(404);
      assertThat(new WebSession(port).get("/public/decisions.json").statusCode()).isEqualTo(404);
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

    @Test
    void feedReadersGetThePublishedDecisionsAsAtomAndJsonFeedInTheirLanguage() throws Exception {
      String marker = UUID.randomUUID().toString().substring(0, 8);
      Decision published = register.record(decision("Published " + marker));
      register.publish(published.id(), "sg");
      register.record(decision("Internal " + marker));
      String base = "http://localhost:" + port;

      HttpResponse<String> atom =
          new WebSession(port).get("/public/decisions.atom", Map.of("Accept-Language", "fr"));
      assertThat(atom.statusCode()).isEqualTo(200);
      assertThat(atom.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/atom+xml");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document feed =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
      String ns = "http://www.w3.org/2005/Atom";
      assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(ns);
      assertThat(
              feed.getDocumentElement()
                  .getElementsByTagNameNS(ns, "title")
                  .item(0)
                  .getTextContent())
          .isEqualTo("Décisions publiées");
      NodeList entries = feed.getElementsByTagNameNS(ns, "entry");
      Element entry = null;
      for (int i = 0; i < entries.getLength(); i++) {
        Element e = (Element) entries.item(i);
        assertThat(e.getElementsByTagNameNS(ns, "title").item(0).getTextContent())
            .isNotEqualTo("Internal " + marker);
        if (e.getElementsByTagNameNS(ns, "title")
            .item(0)
            .getTextContent()
            .equals("Published " + marker)) {
          entry = e;
        }
      }
      assertThat(entry).as(atom.body()).isNotNull();
      assertThat(entry.getElementsByTagNameNS(ns, "id").item(0).getTextContent())
          .isEqualTo(base + "/public/decisions#decision-" + published.id());
      assertThat(entry.getElementsByTagNameNS(ns, "updated").item(0).getTextContent())
          .isEqualTo("2026-06-01T09:00:00Z");
      assertThat(entry.getElementsByTagNameNS(ns, "summary").item(0).getTextContent())
          .contains("Adoptée", "30 pour");

      HttpResponse<String> jsonFeed = new WebSession(port).get("/public/decisions.json");
      assertThat(jsonFeed.statusCode()).isEqualTo(200);
      assertThat(jsonFeed.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/feed+json");
      JsonNode json = new ObjectMapper().readTree(jsonFeed.body());
      assertThat(json.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
      assertThat(json.path("feed_url").asText()).isEqualTo(base + "/public/decisions.json");
      assertThat(json.path("items").findValuesAsText("title"))
          .contains("Published " + marker)
          .doesNotContain("Internal " + marker);
      JsonNode item = null;
      for (JsonNode i : json.path("items")) {
        if (i.path("title").asText().equals("Published " + marker)) {
          item = i;
        }
      }
      assertThat(item.path("date_published").asText()).isEqualTo("2026-06-01T09:00:00Z");
      assertThat(item.path("url").asText())
          .isEqualTo(base + "/public/decisions#decision-" + published.id());
      assertThat(item.path("content_text").asText()).contains("Adopted", "30 for");
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
