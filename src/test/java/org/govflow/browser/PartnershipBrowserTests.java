package org.govflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.govflow.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * The MoU register in Debian's Chromium, on the demo data: the secretariat starts the FAO MoU's
 * renewal, the Spanish focal point finds it in his inbox, assesses it in Spanish, and the register
 * shows the stage it moved to; screenshots at 1366 and 390 px wide.
 */
@IntegrationTest
@Tag("browser")
class PartnershipBrowserTests extends BrowserTestSupport {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theFocalPointAssessesInSpanishAndTheRegisterShowsTheStage() {
    Long fao =
        jdbc.queryForObject(
            "select id from partnership_mou where partner_id = 'partner-fao' order by id limit 1",
            Long.class);
    RestClient.create("http://localhost:" + port)
        .post()
        .uri("/api/v1/mous/{id}/renewal", fao)
        .headers(h -> h.setBasicAuth("officer", "demo"))
        .retrieve()
        .toBodilessEntity();

    Page tomas = loggedIn("tomas.ibarra");
    tomas.setViewportSize(1366, 900);
    // where the MoU stands links the focal point to his task, the assessment on the same page
    tomas.navigate("http://localhost:" + port + "/partnerships/" + fao);
    Locator yours = tomas.locator("#stage a");
    assertThat(yours).hasText("Ir a su tarea");
    assertThat(yours).hasAttribute("href", "#assessment");
    screenshot(tomas, "es-mou-stage-1366");
    tomas.setViewportSize(390, 844);
    screenshot(tomas, "es-mou-stage-390");
    tomas.setViewportSize(1366, 900);
    yours.click();
    assertThat(tomas.locator("#assessment")).isInViewport();

    tomas.locator("nav a[href='/inbox']").click();
    Locator row =
        tomas.locator("tr", new Page.LocatorOptions().setHasText("Evaluar la asociación"));
    assertThat(row).hasCount(1);
    assertThat(row).containsText("MOU-FAO-");
    screenshot(tomas, "es-mou-inbox-1366");

    row.locator("td a").first().click();
    tomas.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
    assertThat(tomas.locator("h1")).containsText("Evaluar la asociación");
    assertThat(tomas.locator("main")).containsText("MoU: Urban food systems");
    tomas.setViewportSize(390, 844);
    screenshot(tomas, "es-mou-assess-390");
    tomas.setViewportSize(1366, 900);
    screenshot(tomas, "es-mou-assess-1366");

    tomas
        .getByLabel("Lo realizado en el marco del memorando")
        .fill("Dos informes conjuntos y un taller en Roma.");
    tomas.getByLabel("Renovar tal cual").check();
    tomas.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar")).click();
    tomas.waitForURL(Pattern.compile(".*/processes/[^/]+$"));

    tomas.navigate("http://localhost:" + port + "/partnerships");
    assertThat(tomas.locator("h1")).hasText("Memorandos de entendimiento con socios");
    Locator fa = tomas.locator("#mou-" + fao);
    assertThat(fa.locator(".stage")).containsText("Decisión del Secretario General");
    assertThat(fa).containsText("Renovación en curso");
    screenshot(tomas, "es-mou-register-1366");
    tomas.setViewportSize(390, 844);
    screenshot(tomas, "es-mou-register-390");

    tomas.locator("#mou-" + fao + " a").first().click();
    tomas.waitForURL(Pattern.compile(".*/partnerships/\\d+$"));
    assertThat(tomas.locator("#stage")).containsText("Decisión del Secretario General");
    assertThat(tomas.locator("#timeline")).containsText("Evaluado por el punto focal");
    screenshot(tomas, "es-mou-detail-390");
    tomas.setViewportSize(1366, 900);
    screenshot(tomas, "es-mou-detail-1366");
    tomas.context().close();

    // the Secretary General decides next: the stage takes her to the decision's task page
    Page sg = loggedIn("sg");
    sg.navigate("http://localhost:" + port + "/partnerships/" + fao);
    sg.locator("#stage a").click();
    sg.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
    assertThat(sg.locator("h1")).containsText("Decidir sobre la renovación");
    assertThat(sg.locator("main")).containsText("MoU: Urban food systems");
    sg.context().close();
  }

  @Test
  void theFrenchFocalPointAssessesOnTheMouPageAndReadsTheRegisterOnAPhone() {
    Long ilo =
        jdbc.queryForObject(
            "select id from partnership_mou where partner_id = 'partner-ilo' order by id limit 1",
            Long.class);
    try {
      RestClient.create("http://localhost:" + port)
          .post()
          .uri("/api/v1/mous/{id}/renewal", ilo)
          .headers(h -> h.setBasicAuth("officer", "demo"))
          .retrieve()
          .toBodilessEntity();
    } catch (org.springframework.web.client.HttpClientErrorException.Conflict running) {
      // the sweep started it already
    }

    Page ines = loggedIn("ines.moreau");
    ines.setViewportSize(1366, 900);
    ines.navigate("http://localhost:" + port + "/partnerships");
    assertThat(ines.locator("h1")).hasText("Protocoles d’accord avec les partenaires");
    screenshot(ines, "fr-mou-register-1366");
    ines.setViewportSize(390, 844);
    screenshot(ines, "fr-mou-register-390");

    ines.navigate("http://localhost:" + port + "/partnerships/" + ilo);
    Locator assessment = ines.locator("#assessment");
    assertThat(assessment).containsText("Évaluer le partenariat");
    assertThat(assessment).containsText("Actions du plan de travail");
    screenshot(ines, "fr-mou-assess-390");
    ines.setViewportSize(1366, 900);
    screenshot(ines, "fr-mou-assess-1366");

    assessment
        .getByLabel("Ce qui a été fait au titre du protocole")
        .fill("Deux ateliers communs à Genève.");
    assessment.getByLabel("Renouveler en l’état").check();
    Locator offered = assessment.locator("input[name=links]");
    boolean cites = offered.count() > 0;
    if (cites) {
      offered.first().check();
    }
    assessment.getByRole(AriaRole.BUTTON).click();
    ines.waitForURL(Pattern.compile(".*/partnerships/\\d+#renewals$"));
    assertThat(ines.locator("#stage")).containsText("Décision du Secrétaire général");
    if (cites) {
      assertThat(ines.locator("#renewals")).containsText("Cité par l’évaluation");
    }
    assertThat(ines.locator("#assessment")).hasCount(0);
    screenshot(ines, "fr-mou-detail-1366");
    ines.setViewportSize(390, 844);
    screenshot(ines, "fr-mou-detail-390");
    ines.context().close();
  }
}
