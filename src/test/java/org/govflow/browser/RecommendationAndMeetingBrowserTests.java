package org.govflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.govflow.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The recommendation and meeting pages in Debian's Chromium, on the demo data: a Spanish co-chair
 * reviews a draft recommendation from her inbox (a refused then an accepted answer) and finds its
 * versions and stage; the secretariat reads the World Council's page in French and tries to move
 * the meeting to an end before its start. Screenshots go to target/screenshots/ for review. Runs in
 * the "browser" Maven profile: {@code ./mvnw -B test -Pbrowser}.
 */
@IntegrationTest
@Tag("browser")
class RecommendationAndMeetingBrowserTests extends BrowserTestSupport {

  private static final String HOUSING = "Housing as a human right in intermediary cities";

  @Test
  void aSpanishCoChairReviewsTheDraftFromHerInbox() {
    Page ana = loggedIn("ana.belmonte");
    ana.locator("nav a[href='/inbox']").click();
    Locator row =
        ana.locator(
            "tr", new Page.LocatorOptions().setHasText("Revisar el borrador (copresidencia)"));
    assertThat(row).hasCount(1);
    Locator key = row.locator("code", new Locator.LocatorOptions().setHasText("REC-"));
    assertThat(key).hasText(Pattern.compile("REC-[A-Z]+-\\d{4}-\\d{3}"));
    String businessKey = key.textContent().trim();
    screenshot(ana, "es-rec-inbox");

    row.locator("td a").first().click();
    ana.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
    // the step, and what it is about
    assertThat(ana.locator("h1")).containsText("Revisar el borrador (copresidencia)");
    assertThat(ana.locator("h1")).containsText(HOUSING);
    // the draft itself, rendered on the page: its heading and its list, no download needed
    Locator text = ana.locator("#documents .doc-text .prose").first();
    assertThat(text.locator("h3")).hasText(HOUSING);
    assertThat(text.locator("ol li")).hasCount(3);
    assertThat(ana.locator("#documents")).not().containsText("text/x-web-markdown");
    screenshot(ana, "es-rec-task");

    // changes without saying which: refused beside the comment, in Spanish
    ana.getByLabel("Solicitar cambios").check();
    ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar")).click();
    assertThat(ana.locator("#field-policy-recommendation-review-reviewComment-error"))
        .hasText("Explique por qué: este comentario es obligatorio con esa opción.");
    assertThat(ana).hasURL(Pattern.compile(".*/tasks/[^/]+(/complete)?$"));
    screenshot(ana, "es-rec-task-errors");

    ana.getByLabel("Aprobar el borrador").check();
    ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar")).click();
    ana.waitForURL(Pattern.compile(".*/processes/[^/]+$"));
    assertThat(ana.locator("[role=status]")).hasText("Hecho: la tarea está completada.");
    // the other co-chair's review is the next step
    Locator steps = ana.locator("section[aria-labelledby=steps-title]");
    assertThat(steps).containsText("Revisar el borrador (copresidencia)");
    assertThat(steps).containsText("Thandiwe Nkosi");
    screenshot(ana, "es-rec-process");

    ana.locator("a[href='/recommendations/" + businessKey + "']").click();
    ana.waitForURL(Pattern.compile(".*/recommendations/" + Pattern.quote(businessKey) + "$"));
    assertThat(ana.locator("h1")).containsText(HOUSING);
    assertThat(ana.locator("#versions h2")).hasText("Versiones");
    assertThat(ana.locator("#versions article")).hasCount(1);
    assertThat(ana.locator("#versions article h3")).containsText("Versión 1");
    assertThat(ana.locator("#stage")).hasText("Revisar el borrador (copresidencia)");
    // the recommendation's current text on its page
    assertThat(ana.locator("#text h2")).hasText("El texto (versión 1)");
    assertThat(ana.locator("#text .prose h3")).hasText(HOUSING);
    assertThat(ana.locator("#reviews")).containsText("Aprobado");
    screenshot(ana, "es-rec-page");
    ana.context().close();
  }

  @Test
  void theSecretariatReadsTheWorldCouncilInFrenchAndCannotEndItBeforeItStarts() {
    Page officer = loggedIn("officer");
    officer.navigate("http://localhost:" + port + "/meetings?lang=fr");
    Locator meeting =
        officer.locator(
            "tr", new Page.LocatorOptions().setHasText("World Council, ordinary session"));
    assertThat(meeting).hasCount(1);
    screenshot(officer, "fr-meetings");

    meeting.locator("a").first().click();
    officer.waitForURL(Pattern.compile(".*/meetings/[^/?]+$"));
    assertThat(officer.locator("h1")).hasText("World Council, ordinary session");
    // the zone as the start form names it, in French, not its id
    assertThat(officer.locator("dl.facts")).containsText("Madrid – heure d’Europe centrale");
    Locator agenda =
        officer.locator(
            "section",
            new Page.LocatorOptions()
                .setHas(
                    officer.locator("h2", new Page.LocatorOptions().setHasText("Ordre du jour"))));
    assertThat(agenda.locator("li")).hasCount(4);
    assertThat(agenda).containsText("Report of the Secretary General");
    Locator starts = officer.locator("dl.facts dd").nth(1);
    String startBefore = starts.textContent();
    String startInput = officer.locator("#reschedule-start").inputValue();
    screenshot(officer, "fr-meeting");

    // an end before the start: refused beside the end, in French
    officer.locator("#reschedule-end").fill(startInput.substring(0, 10) + "T09:00");
    officer
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déplacer la réunion"))
        .click();
    assertThat(officer.locator("#reschedule-end-error"))
        .hasText("La réunion doit finir après son début.");
    screenshot(officer, "fr-meeting-reschedule-errors");

    // nothing changed
    officer.locator("main a[href='/meetings']").click();
    officer
        .locator("tr", new Page.LocatorOptions().setHasText("World Council, ordinary session"))
        .locator("a")
        .first()
        .click();
    officer.waitForURL(Pattern.compile(".*/meetings/[^/?]+$"));
    assertThat(officer.locator("dl.facts dd").nth(1)).hasText(startBefore);
    assertThat(officer.locator("#reschedule-start")).hasValue(startInput);

    // the calls for agenda items, open on the meeting's process
    officer.locator("dl.facts a[href^='/processes/']").click();
    officer.waitForURL(Pattern.compile(".*/processes/[^/]+$"));
    assertThat(
            officer
                .locator("section[aria-labelledby=steps-title] li")
                .filter(
                    new Locator.FilterOptions()
                        .setHasText("Proposer des points pour l’ordre du jour"))
                .first())
        .isVisible();
    screenshot(officer, "fr-meeting-calls");
    officer.context().close();
  }
}
