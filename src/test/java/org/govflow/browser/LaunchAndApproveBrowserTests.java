package org.govflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.govflow.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * People clicking through govflow in Debian's Chromium: the secretariat launches a document
 * approval, a council member finds the task, submits invalid then valid values and sees the next
 * step; the same in French. Screenshots of each main page go to target/screenshots/ for review.
 * Runs in the "browser" Maven profile: {@code ./mvnw -B verify -Pbrowser}.
 */
@IntegrationTest
@Tag("browser")
class LaunchAndApproveBrowserTests extends BrowserTestSupport {

  private static String inAWeek() {
    return LocalDate.now(ZoneId.of("Pacific/Kiritimati")).plusDays(7).toString();
  }

  /** Launches through the pages; returns the business key shown on the process page. */
  private String launch(Page page, String lang, String submit, String required) {
    page.locator("nav a[href='/processes/new']").click();
    page.locator("a[href='/processes/new/document-approval']").click();
    screenshot(page, lang + "-launch-form");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(submit)).click();
    assertThat(page.locator("#field-document-approval-start-title-error")).hasText(required);
    screenshot(page, lang + "-launch-errors");

    page.locator("#field-document-approval-start-title").fill("Annual report " + lang);
    page.locator("#field-document-approval-start-summary").fill("The council's annual report");
    page.locator("#field-document-approval-start-approvingBody")
        .selectOption("council-right-to-city");
    page.locator("#field-document-approval-start-respondBy").fill(inAWeek());
    // the document the body approves: no document approval starts without one
    assertThat(page.locator("#start-document-error")).isVisible();
    page.locator("#start-document")
        .setInputFiles(
            new com.microsoft.playwright.options.FilePayload(
                "annual-report-" + lang + ".md",
                "text/markdown",
                ("# Annual report " + lang + "\n\nWhat the council did this year.")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(submit)).click();
    page.waitForURL(Pattern.compile(".*/processes/[^/]+$"));
    Locator key = page.locator("h1 code");
    assertThat(key).hasText(Pattern.compile("DOC-\\d{4}-\\d{3}"));
    screenshot(page, lang + "-process-started");
    return key.textContent();
  }

  private void approve(
      Page page,
      String lang,
      String businessKey,
      String submit,
      String required,
      String approve,
      String done,
      String approvedStep) {
    page.locator("nav a[href='/inbox']").click();
    Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(businessKey));
    assertThat(row).hasCount(1);
    // the counts come after the rows, loaded by htmx from /inbox/counts: five filter links
    assertThat(page.locator("#inbox-counts li a")).hasCount(5);
    screenshot(page, lang + "-inbox");

    // the filters refresh the list in place (htmx)
    page.locator("#filter-assigned").selectOption("group");
    page.waitForURL(Pattern.compile(".*assigned=group.*"));
    assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(businessKey))).hasCount(1);

    page.locator("tr", new Page.LocatorOptions().setHasText(businessKey))
        .locator("td a")
        .first()
        .click();
    page.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
    screenshot(page, lang + "-task");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(submit)).click();
    assertThat(page.locator("#field-document-approval-review-decision-error")).hasText(required);
    screenshot(page, lang + "-task-errors");

    page.getByLabel(approve).check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(submit)).click();
    page.waitForURL(Pattern.compile(".*/processes/[^/]+$"));
    assertThat(page.locator("[role=status]")).hasText(done);
    // the end event, named in the reader's language
    assertThat(page.locator("ol.timeline")).containsText(approvedStep);
    screenshot(page, lang + "-process-done");
  }

  @Test
  void theSecretariatLaunchesAndACouncilMemberApproves() {
    Page officer = loggedIn("officer");
    String key = launch(officer, "en", "Start", "This field is required.");
    // a document from the process page's upload form
    officer
        .getByLabel(Pattern.compile("^File:"))
        .setInputFiles(
            new FilePayload("agenda.txt", "text/plain", "Agenda of the council".getBytes(UTF_8)));
    officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
    officer.waitForURL(Pattern.compile(".*/processes/[^/]+#documents$"));
    assertThat(officer.locator("[role=status]")).hasText("The document is uploaded.");
    assertThat(officer.locator("#documents")).containsText("agenda.txt");
    assertThat(officer.locator("#documents")).containsText("version 1");
    screenshot(officer, "en-process-document");
    officer.context().close();

    Page member = loggedIn("thandiwe.nkosi");
    approve(
        member,
        "en",
        key,
        "Submit",
        "This field is required.",
        "Approve",
        "Done: the task is completed.",
        "Document approved");
    member.context().close();
  }

  @Test
  void theSameInFrench() {
    // amina.diallo (Co-President) and claire.dumont (a member of the council) read French
    Page leader = loggedIn("amina.diallo");
    String key = launch(leader, "fr", "Lancer", "Ce champ est obligatoire.");
    leader.context().close();

    Page member = loggedIn("claire.dumont");
    approve(
        member,
        "fr",
        key,
        "Envoyer",
        "Ce champ est obligatoire.",
        "Approuver",
        "C’est fait : la tâche est accomplie.",
        "Document approuvé");
    member.context().close();
  }
}
