package org.govflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.support.IntegrationTest;
import org.govflow.workflow.RunningProcesses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The work plan in Chromium on the demo data: UCLG Africa's focal point reports on his body's
 * actions in French from his inbox; once the secretariat validates, the plan's page shows the new
 * progress. Screenshots at 1366 and 390 px wide under target/screenshots/.
 */
@IntegrationTest
@Tag("browser")
class WorkPlanBrowserTests extends BrowserTestSupport {

  @Autowired TaskService tasks;
  @Autowired RunningProcesses running;

  @Test
  void aFocalPointReportsInFrenchAndThePlanShowsTheNewProgress() {
    Page ibrahima = loggedIn("ibrahima.sarr");
    ibrahima.navigate("http://localhost:" + port + "/workplan?lang=fr");
    assertThat(ibrahima.locator("h1")).hasText("Plan de travail");
    assertThat(ibrahima.locator("main")).containsText("1.1-B2");
    shots(ibrahima, "fr-workplan-before");

    ibrahima.navigate("http://localhost:" + port + "/inbox");
    Locator row =
        ibrahima.locator(
            "tr", new Page.LocatorOptions().setHasText("Rendre compte des actions de l’organe"));
    assertThat(row).hasCount(1);
    row.locator("td a").first().click();
    ibrahima.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
    assertThat(ibrahima.locator("h1")).hasText("Rendre compte des actions de l’organe");
    // a line on an action of another body: refused beside the field, in French
    ibrahima.locator("main textarea").first().fill("2.2.1-B1 | 50 | | 0 | x |");
    ibrahima.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")).click();
    assertThat(ibrahima.locator("main"))
        .containsText("2.2.1-B1 n’est pas une action de votre organe.");
    shots(ibrahima, "fr-workplan-report-errors");
    ibrahima
        .locator("main textarea")
        .first()
        .fill(
            "1.1-B2 | 90 | | 0 | Catalogue publié en trois langues | https://example.org/catalogue\n"
                + "1.1-B4 | 30 | | 0 | Première session de formation |");
    shots(ibrahima, "fr-workplan-report");
    ibrahima.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")).click();
    ibrahima.waitForURL(Pattern.compile(".*/processes/[^/]+$"));
    assertThat(ibrahima.locator("[role=status]")).hasText("C’est fait : la tâche est accomplie.");

    // the secretariat validates (four eyes: not the reporter)
    Task validate =
        tasks.createTaskQuery().taskDefinitionKey("Validate").list().stream()
            .filter(t -> "section-africa".equals(tasks.getVariable(t.getId(), "body")))
            .findFirst()
            .orElseThrow();
    running.completeAs("officer", validate.getId(), Map.of("validation", "validated"));

    ibrahima.navigate("http://localhost:" + port + "/workplan?owner=section-africa");
    Locator action =
        ibrahima.locator("div.wp-action", new Page.LocatorOptions().setHasText("1.1-B2"));
    assertThat(action).containsText("90%");
    assertThat(action).containsText("Dans les temps");
    shots(ibrahima, "fr-workplan-after");

    ibrahima.locator("a[href*='/workplan/actions/1.1-B2']").click();
    ibrahima.waitForURL(Pattern.compile(".*/workplan/actions/1\\.1-B2.*"));
    assertThat(ibrahima.locator("main table").first())
        .containsText("Catalogue publié en trois langues");
    assertThat(ibrahima.locator("main table").first()).containsText("Validé");
    shots(ibrahima, "fr-workplan-action");
    ibrahima.context().close();
  }

  @Test
  void theImplementationReportReadsInFrenchAndSpanish() {
    Page ibrahima = reportOpenedBy("ibrahima.sarr");
    assertThat(ibrahima.locator("h1")).containsText("rapport de mise en œuvre T");
    assertThat(ibrahima.locator("main")).containsText("Actions en retard ou à risque");
    assertThat(ibrahima.locator("main"))
        .containsText("En attente de la prise d’acte : Bureau exécutif");
    assertThat(ibrahima.locator("main")).containsText("Cités et Gouvernements Locaux Unis");
    assertThat(ibrahima.locator("a[href*='/workplan/report.pdf']")).hasText("Télécharger en PDF");
    shots(ibrahima, "fr-workplan-implementation-report");
    ibrahima.context().close();

    Page ana = reportOpenedBy("ana.belmonte");
    assertThat(ana.locator("h1")).containsText("informe de implementación T");
    assertThat(ana.locator("main")).containsText("Avance por capítulo y sección");
    assertThat(ana.locator("main")).containsText("Pendiente de la toma de conocimiento");
    shots(ana, "es-workplan-implementation-report");
    ana.navigate("http://localhost:" + port + "/workplan");
    shots(ana, "es-workplan");
    ana.context().close();
  }

  /**
   * The secretariat assigns an owner in Spanish and in French: the focal point is picked by name
   * among the owner body's members only, the target from the plan's references and titles; an
   * unknown section is refused beside the field, with the error summary focused and the values
   * kept. Nothing changes: the section keeps the owner and focal point it had.
   */
  @Test
  void theSecretariatPicksTheFocalPointByNameInSpanishAndFrench() {
    Page officer = loggedIn("officer");
    officer.navigate("http://localhost:" + port + "/workplan?lang=es");
    Locator focal = officer.locator("#wp-focalPoint");
    officer.locator("#wp-owner").selectOption("section-africa");
    // only the owner body's members are offered, by name
    assertThat(focal.locator("optgroup:not([hidden])")).hasCount(1);
    assertThat(focal.locator("optgroup:not([hidden])"))
        .hasAttribute("label", "Ciudades y Gobiernos Locales Unidos de África (CGLU África)");
    assertThat(focal.locator("optgroup:not([hidden]) option"))
        .containsText(new String[] {"Ibrahima Sarr"});
    officer.locator("#wp-owner").selectOption("council-right-to-city");
    assertThat(focal.locator("optgroup:not([hidden]) option").first()).hasText("Ana Belmonte Ruiz");
    assertThat(officer.locator("#wp-targets option[value='1.2']"))
        .hasAttribute("label", "Learning");
    officer.locator("#wp-owner").selectOption("section-africa");
    pick(focal, "Ibrahima Sarr");
    assertThat(focal).hasValue("ibrahima.sarr");
    officer.locator("#wp-target").fill("9.9");
    officer.locator("#assign").scrollIntoViewIfNeeded();
    shots(officer, "es-workplan-assign");
    officer.locator("#assign button[type=submit]").click();

    // refused beside the field, in Spanish; the summary has the focus; the values are kept
    assertThat(officer.locator("#wp-target-error"))
        .hasText(
            "No hay sección 9.9 en el plan de trabajo de "
                + officer.locator("#assign input[name=year]").inputValue()
                + ".");
    assertThat(officer.locator(".error-summary")).isFocused();
    assertThat(officer.locator(".error-summary a[href='#wp-target']"))
        .containsText("Acción o sección:");
    assertThat(officer.locator("#wp-target")).hasValue("9.9");
    assertThat(officer.locator("#wp-owner")).hasValue("section-africa");
    assertThat(focal).hasValue("ibrahima.sarr");
    shots(officer, "es-workplan-assign-refused");

    officer.navigate("http://localhost:" + port + "/workplan?lang=fr");
    assertThat(officer.locator("label[for=wp-focalPoint]")).hasText("Point focal");
    assertThat(officer.locator("#wp-focalPoint option").first()).hasText("Aucun pour l’instant");
    officer.locator("#wp-owner").selectOption("section-africa");
    officer.locator("#wp-target").fill("1.2");
    pick(officer.locator("#wp-focalPoint"), "Ibrahima Sarr");
    officer.locator("#assign button[type=submit]").click();
    officer.waitForURL(Pattern.compile(".*/workplan\\?year=\\d+$"));
    Locator action =
        officer.locator(
            "[id='s1.2'] div.wp-action", new Page.LocatorOptions().setHasText("1.2-R2"));
    assertThat(action).containsText("(Ibrahima Sarr)");
    shots(officer, "fr-workplan-assigned");
    officer.context().close();
  }

  /** Picks a person by name among those the picker shows (a person may sit in several bodies). */
  private static void pick(Locator picker, String name) {
    picker.selectOption(
        picker
            .locator("optgroup:not([hidden]) option", new Locator.LocatorOptions().setHasText(name))
            .elementHandle());
  }

  /** A person opens the latest implementation report from the plan's page. */
  private Page reportOpenedBy(String person) {
    Page page = loggedIn(person);
    page.navigate("http://localhost:" + port + "/workplan");
    page.locator("a[href*='/workplan/report?']").first().click();
    page.waitForURL(Pattern.compile(".*/workplan/report\\?.*"));
    return page;
  }

  private static void shots(Page page, String name) {
    page.setViewportSize(1366, 900);
    screenshot(page, name + "-1366");
    page.setViewportSize(390, 844);
    screenshot(page, name + "-390");
    page.setViewportSize(1366, 900);
  }
}
