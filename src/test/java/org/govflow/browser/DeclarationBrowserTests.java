package org.govflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.govflow.support.IntegrationTest;
import org.govflow.workflow.RunningProcesses;
import org.govflow.workflow.RunningProcesses.OpenStep;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Daejeon Declaration of the quick start in Debian's Chromium: the Africa section's French
 * focal point files an amendment beside a paragraph (a refused then an accepted one), the drafting
 * committee accepts it as modified, and the word diff of the next version shows the committee's
 * words. Screenshots at 1366 and 390 px wide go to target/screenshots/. Runs in the "browser" Maven
 * profile.
 */
@IntegrationTest
@Tag("browser")
class DeclarationBrowserTests extends BrowserTestSupport {

  /** Who files amendments for each group of the demo declaration (the page tour too). */
  static final Map<String, String> FOCAL_POINTS =
      Map.of(
          "section-africa", "ibrahima.sarr",
          "section-europe", "elise.vandamme",
          "section-latin-america", "mariana.quispe",
          "host-city-daejeon", "minseo.lee",
          "cities-are-listening", "amara.okafor");

  @Autowired RunningProcesses running;
  @Autowired RuntimeService runtime;

  @Test
  void aFrenchFocalPointAmendsAndTheCommitteeAcceptsAsModified() {
    Page ibrahima = loggedIn("ibrahima.sarr");
    ibrahima.setViewportSize(1366, 900);
    ibrahima.locator("nav a[href='/declarations']").click();
    ibrahima.getByText("The Daejeon Declaration").first().waitFor();
    screenshot(ibrahima, "fr-decl-list");
    Locator link = ibrahima.locator("main a[href^='/declarations/DECL-']").first();
    String key = link.getAttribute("href").substring("/declarations/".length());
    link.click();
    ibrahima.locator("#paragraph-p3").waitFor();
    assertThat(ibrahima.locator("#not-answered").textContent()).contains("Afrique");

    // an empty proposed text is refused beside the field, nothing filed
    Locator p3 = ibrahima.locator("#paragraph-p3");
    p3.locator("summary").click();
    p3.locator("textarea[name=text]").fill("");
    p3.locator("button[type=submit]").click();
    Locator error = ibrahima.locator("#paragraph-p3 p.error");
    error.waitFor();
    assertThat(error.textContent()).contains("Écrivez le texte proposé");
    screenshot(ibrahima, "fr-decl-amend-refused");

    p3 = ibrahima.locator("#paragraph-p3");
    p3.locator("textarea[name=text]")
        .fill(
            "We commit to place care, equality, dignity and the well-being of people at the centre"
                + " of local public policy.");
    p3.locator("textarea[name=justification]").fill("La dignité est au cœur de notre agenda.");
    p3.locator("button[type=submit]").click();
    ibrahima.waitForURL(Pattern.compile(".*#amendment-\\d+$"));
    assertThat(ibrahima.locator("#paragraph-p3 .amendment").first().textContent())
        .contains("dignity")
        .contains("Afrique");
    screenshot(ibrahima, "fr-decl-amended-1366");
    ibrahima.setViewportSize(390, 844);
    screenshot(ibrahima, "fr-decl-amended-390");

    // every group answers: the round closes
    String pid =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
    for (OpenStep t : running.openTasks(pid, "FileAmendments")) {
      String group = (String) running.taskVariable(t.taskId(), "group");
      running.completeAs(FOCAL_POINTS.get(group), t.taskId(), Map.of());
    }

    // the committee accepts the Africa amendment as modified, on the page
    Page officer = loggedIn("officer");
    officer.setViewportSize(1366, 900);
    officer.navigate("http://localhost:" + port + "/declarations/" + key + "?lang=fr");
    Locator africa =
        officer
            .locator("#paragraph-p3 .amendment")
            .filter(new Locator.FilterOptions().setHasText("dignity"));
    africa.locator("summary").click();
    africa.locator("select[name=outcome]").selectOption("accepted-as-modified");
    africa
        .locator("textarea[name=text]")
        .fill(
            "We commit to place care, equality, human dignity and the well-being of all people at"
                + " the centre of local public policy.");
    africa.locator("input[name=reason]").fill("Accepté, en précisant « dignité humaine ».");
    screenshot(officer, "fr-decl-dispose");
    africa.locator("button[type=submit]").click();
    officer.waitForURL(Pattern.compile(".*#amendment-\\d+$"));
    assertThat(officer.locator("#paragraph-p3 .disposition").first().textContent())
        .contains("Accepté avec modifications");

    // the other amendments are rejected over the API, then the committee completes its task
    String auth =
        "Basic "
            + Base64.getEncoder().encodeToString("officer:demo".getBytes(StandardCharsets.UTF_8));
    APIRequestContext api =
        playwright
            .request()
            .newContext(
                new APIRequest.NewContextOptions()
                    .setBaseURL("http://localhost:" + port)
                    .setExtraHTTPHeaders(Map.of("Authorization", auth)));
    APIResponse details = api.get("/api/v1/declarations/" + key);
    com.fasterxml.jackson.databind.JsonNode json;
    try {
      json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(details.text());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (com.fasterxml.jackson.databind.JsonNode a : json.path("amendments")) {
      if (!"comment".equals(a.path("kind").asText()) && !a.hasNonNull("disposition")) {
        APIResponse r =
            api.post(
                "/api/v1/declarations/"
                    + key
                    + "/amendments/"
                    + a.path("id").asLong()
                    + "/disposition",
                RequestOptions.create()
                    .setHeader("Content-Type", "application/json")
                    .setData(Map.of("outcome", "rejected", "reason", "Not in this round.")));
        assertThat(r.status()).as(r.text()).isEqualTo(204);
      }
    }
    for (OpenStep t : running.openTasks(pid, "DisposeAmendments")) {
      running.completeAs("officer", t.taskId(), Map.of());
    }

    // the diff between versions 1 and 2 shows the committee's words
    officer.navigate("http://localhost:" + port + "/declarations/" + key + "?from=1&to=2#diff");
    Locator added = officer.locator("#diff ins.word");
    added.first().waitFor();
    assertThat(added.allTextContents().toString()).contains("human dignity");
    screenshot(officer, "fr-decl-diff-1366");
    officer.setViewportSize(390, 844);
    screenshot(officer, "fr-decl-diff-390");
  }
}
