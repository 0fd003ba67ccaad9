package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Page addresses answer an error page in the reader's language; the API keeps problem details. */
@IntegrationTest
class PageErrorsTests {

  private static final Map<String, String> BROWSER =
      Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

  @LocalServerPort int port;

  @Test
  void pagesAnswerHtmlInTheReadersLanguage() {
    WebSession browser = new WebSession(port);
    browser.login("officer", "demo");
    browser.get("/?lang=fr", BROWSER);
    for (String path :
        new String[] {
          "/meetings/NOPE-1",
          "/decisions/9999",
          "/recommendations/REC-XXX",
          "/no/such/page",
          "/public/decisions"
        }) {
      HttpResponse<String> page = browser.get(path, BROWSER);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.headers().firstValue("Content-Type").orElseThrow())
          .as(path)
          .startsWith("text/html");
      assertThat(page.body()).as(path).contains("lang=\"fr\"").doesNotContain("about:blank");
    }
    assertThat(browser.get("/no/such/page", BROWSER).body()).contains("Page introuvable");
    // a path variable that is not a number
    HttpResponse<String> bad = browser.get("/decisions/abc", BROWSER);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
  }

  @Test
  void theApiKeepsProblemDetails() {
    WebSession script = new WebSession(port);
    HttpResponse<String> unknown = script.getAs("officer", "demo", "/api/v1/no-such-thing");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    HttpResponse<String> decision = script.getAs("officer", "demo", "/api/v1/decisions/9999");
    assertThat(decision.statusCode()).isEqualTo(404);
    assertThat(decision.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }
}
