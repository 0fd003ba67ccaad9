package org.govflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page type, as the people see them, in English, French and Spanish, at 1366x900 and
 * 390x844: axe-core (from npm, src/test/resources/axe/, injected into the page) finds no serious or
 * critical violation; no page scrolls sideways on a phone; no French or Spanish page shows a
 * message key, a raw process key, a body id, a login id or a doubled apostrophe. A screenshot of
 * each goes to target/screenshots/tour-*.png. All problems are gathered, then reported at once.
 */
@IntegrationTest
@Tag("browser")
class PageTourBrowserTests extends BrowserTestSupport {

  private static final List<String> LANGUAGES = List.of("en", "fr", "es");
  private static final int[][] SIZES = {{1366, 900}, {390, 844}};
  private static final List<String> PROCESS_KEYS =
      List.of(
          "document-approval",
          "policy-recommendation",
          "statutory-meeting",
          "declaration-cocreation",
          "mou-renewal",
          "workplan-report");
  private static final Pattern MESSAGE_KEY =
      Pattern.compile(
          "\\?\\?[\\w.-]+\\?\\?|\\b(inbox|meetings|recommendations|decisions|documents|"
              + "notifications|dashboard|forms|nav|home|declaration|partnerships|workplan)\\.[a-z][\\w-]*\\.[\\w.-]+");

  @Autowired Directory directory;
  @Autowired TaskService tasks;

  private final List<String> problems = new ArrayList<>();

  @Test
  void everyPageReadsWellEverywhere() {
    String axe = axe();
    Map<String, String> officerPages = new LinkedHashMap<>();
    officerPages.put("home", "/");
    officerPages.put("inbox", "/inbox");
    officerPages.put("processes", "/processes");
    officerPages.put("launch", "/processes/new");
    officerPages.put("recommendations", "/recommendations");
    officerPages.put("meetings", "/meetings");
    officerPages.put("decisions", "/decisions");
    officerPages.put("notifications", "/notifications");
    officerPages.put("dashboard", "/dashboard");
    officerPages.put("not-found", "/recommendations/REC-XXX");
    officerPages.put("search", "/search?q=cit");

    for (String lang : LANGUAGES) {
      for (int[] size : SIZES) {
        Page officer = as("officer", lang, size);
        for (Map.Entry<String, String> p : officerPages.entrySet()) {
          visit(officer, axe, "officer", lang, size, p.getKey(), p.getValue());
        }
        // pages reached by following links: a recommendation, a process, a meeting, a decision
        officer.navigate(url("/recommendations"));
        String recommendation =
            officer.locator("main table a[href^='/recommendations/']").first().getAttribute("href");
        visit(officer, axe, "officer", lang, size, "recommendation", recommendation);
        String process =
            officer.locator("main a[href^='/processes/']").first().getAttribute("href");
        visit(officer, axe, "officer", lang, size, "process", process);
        officer.navigate(url("/meetings"));
        String meeting = officer.locator("main a[href^='/meetings/']").first().getAttribute("href");
        visit(officer, axe, "officer", lang, size, "meeting", meeting);
        officer.navigate(url("/decisions"));
        String decision =
            officer.locator("main a[href^='/decisions/']").first().getAttribute("href");
        visit(officer, axe, "officer", lang, size, "decision", decision);
        officer.context().close();

        // the Spanish co-chair's inbox and the task with the draft under review
        Page coChair = as("ana.belmonte", lang, size);
        visit(coChair, axe, "co-chair", lang, size, "inbox", "/inbox");
        String task =
            coChair.locator("main table.tasks a[href^='/tasks/']").first().getAttribute("href");
        visit(coChair, axe, "co-chair", lang, size, "task", task);
        coChair.context().close();

        // a French co-president and the President at home, in their inboxes
        for (String person : List.of("amina.diallo", "president")) {
          Page p = as(person, lang, size);
          visit(p, axe, person, lang, size, "home", "/");
          visit(p, axe, person, lang, size, "inbox", "/inbox");
          p.context().close();
        }

        // an anonymous visitor
        Page visitor = context(size).newPage();
        visit(visitor, axe, "visitor", lang, size, "login", "/login?lang=" + lang);
        visit(visitor, axe, "visitor", lang, size, "public", "/public/decisions");
        visitor.context().close();
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /**
   * The declaration, the MoU register and the work plan as their people see them: the lists, the
   * Daejeon Declaration, an MoU, a plan and an action with its reports, and each module's task page
   * in the inbox of the person who acts on it (a focal point files amendments, the UNICEF focal
   * point assesses the renewal, a co-chair reports on her council's actions).
   */
  @Test
  void theNewModulesReadWellEverywhere() {
    String axe = axe();
    for (String lang : LANGUAGES) {
      for (int[] size : SIZES) {
        Page officer = as("officer", lang, size);
        visit(officer, axe, "officer", lang, size, "declarations", "/declarations");
        String declaration =
            officer
                .locator("main tr", new Page.LocatorOptions().setHasText("The Daejeon Declaration"))
                .first()
                .locator("a[href^='/declarations/DECL-']")
                .first()
                .getAttribute("href");
        visit(officer, axe, "officer", lang, size, "declaration", declaration);
        visit(officer, axe, "officer", lang, size, "partnerships", "/partnerships");
        String mou =
            officer.locator("#register a[href^='/partnerships/']").first().getAttribute("href");
        visit(officer, axe, "officer", lang, size, "mou", mou);
        visit(officer, axe, "officer", lang, size, "workplan", "/workplan");
        visit(
            officer,
            axe,
            "officer",
            lang,
            size,
            "workplan-africa",
            "/workplan?owner=section-africa");
        String action =
            officer.locator("main a[href^='/workplan/actions/']").first().getAttribute("href");
        visit(officer, axe, "officer", lang, size, "workplan-action", action);
        officer.context().close();

        // each module's task, in the inbox of the person who acts on it
        for (Map.Entry<String, String> t : moduleTasks().entrySet()) {
          String person = t.getValue().substring(0, t.getValue().indexOf(' '));
          String taskId = t.getValue().substring(t.getValue().indexOf(' ') + 1);
          Page p = as(person, lang, size);
          visit(p, axe, person, lang, size, "inbox", "/inbox");
          visit(p, axe, person, lang, size, t.getKey(), "/tasks/" + taskId);
          p.context().close();
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /**
   * An open task of each new module and who acts on it ("person taskId"), found in the engine: the
   * other browser tests of the same application may have completed some of the demo's tasks.
   */
  private Map<String, String> moduleTasks() {
    Map<String, String> found = new LinkedHashMap<>();
    for (Task t :
        tasks.createTaskQuery().processDefinitionKey("declaration-cocreation").active().list()) {
      if ("FileAmendments".equals(t.getTaskDefinitionKey())) {
        Object group = tasks.getVariable(t.getId(), "group");
        if (DeclarationBrowserTests.FOCAL_POINTS.containsKey(group)) {
          found.putIfAbsent(
              "declaration-task",
              DeclarationBrowserTests.FOCAL_POINTS.get(group) + " " + t.getId());
        }
      }
    }
    tasks
        .createTaskQuery()
        .processDefinitionKey("mou-renewal")
        .taskDefinitionKey("Assess")
        .taskAssignee("hannah.lindqvist")
        .active()
        .list()
        .stream()
        .findFirst()
        .ifPresent(t -> found.put("mou-task", "hannah.lindqvist " + t.getId()));
    for (Task t :
        tasks
            .createTaskQuery()
            .processDefinitionKey("workplan-report")
            .taskDefinitionKey("Report")
            .active()
            .list()) {
      if ("council-right-to-city".equals(tasks.getVariable(t.getId(), "body"))) {
        found.putIfAbsent("workplan-task", "ana.belmonte " + t.getId());
      }
    }
    assertThat(found).containsKeys("mou-task", "workplan-task");
    return found;
  }

  /**
   * The acceptance of the issue: a council member voting on a recommendation reads its current text
   * and the words changed since the previous version on the task page, without downloading.
   */
  @Test
  void aCouncilMemberReadsTheTextAndItsChangesOnTheVoteTask() {
    Page member = as("kwame.mensah", "en", SIZES[0]);
    member.navigate(url("/inbox"));
    screenshot(member, "readme-inbox");
    member
        .locator(
            "main table.tasks tr",
            new Page.LocatorOptions().setHasText("Access of local governments to climate finance"))
        .first()
        .locator("a[href^='/tasks/']")
        .first()
        .click();
    member.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
    var document = member.locator("#documents article.doc").first();
    assertThat(document.locator(".doc-body .prose h3").textContent())
        .isEqualTo("Access of local governments to climate finance");
    assertThat(document.locator(".doc-changes summary").textContent())
        .isEqualTo("Changes since version 1");
    assertThat(document.locator(".doc-changes li.diff-added ins").first().textContent())
        .contains("Consolidated");
    screenshot(member, "readme-task");
    member.navigate(url("/dashboard"));
    member.context().close();

    Page officer = as("officer", "en", SIZES[0]);
    officer.navigate(url("/recommendations"));
    officer
        .locator("main a", new Page.LocatorOptions().setHasText("Access of local governments"))
        .first()
        .click();
    officer.waitForURL(Pattern.compile(".*/recommendations/[^/]+$"));
    screenshot(officer, "readme-recommendation");
    // found by a word of its title, and by its business key
    officer.navigate(url("/search?q=climate+finance"));
    assertThat(officer.locator("main ul.plain-list a").first().textContent())
        .isEqualTo("Access of local governments to climate finance");
    officer.navigate(url("/search?q=REC-MLF"));
    assertThat(officer.locator("main ul.plain-list a").first().textContent())
        .isEqualTo("Access of local governments to climate finance");
    officer.navigate(url("/dashboard"));
    screenshot(officer, "readme-dashboard");
    officer.context().close();
  }

  private void visit(
      Page page, String axe, String who, String lang, int[] size, String name, String path) {
    page.navigate(url(path));
    String where = who + " " + lang + " " + size[0] + " " + name + " (" + path + ")";
    screenshot(page, "tour-" + who + "-" + lang + "-" + size[0] + "-" + name);
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
    Object found =
        page.evaluate(
            "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact ==="
                + " 'critical').map(v => v.id + ': ' + v.help + ' at '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')); }");
    if (found instanceof List<?> violations) {
      violations.forEach(v -> problems.add(where + ": axe " + v));
    }
    if (size[0] < 500) {
      Object wide =
          page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
      if (Boolean.TRUE.equals(wide)) {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        problems.add(where + ": scrolls sideways (" + width + " px wide)");
      }
    }
    if (!"en".equals(lang)) {
      String text = page.locator("body").innerText();
      if (text.contains("''")) {
        problems.add(where + ": doubled apostrophe");
      }
      var key = MESSAGE_KEY.matcher(text);
      if (key.find()) {
        problems.add(where + ": message key " + key.group());
      }
      for (String processKey : PROCESS_KEYS) {
        if (text.contains(processKey)) {
          problems.add(where + ": process key " + processKey);
        }
      }
      for (Body body : directory.bodies()) {
        if (Pattern.compile("(?<![\\w/-])" + Pattern.quote(body.id()) + "(?![\\w-])")
            .matcher(text)
            .find()) {
          problems.add(where + ": body id " + body.id());
        }
      }
      for (Person person : directory.people()) {
        if (person.id().contains(".")
            && Pattern.compile("(?<![\\w.@])" + Pattern.quote(person.id()) + "(?![\\w@])")
                .matcher(text)
                .find()) {
          problems.add(where + ": login id " + person.id());
        }
      }
    }
  }

  private Page as(String user, String lang, int[] size) {
    Page page = context(size).newPage();
    page.navigate(url("/login?lang=" + lang));
    page.locator("input[name=username]").fill(user);
    page.locator("input[name=password]").fill("demo");
    page.locator("form button[type=submit]").first().click();
    page.waitForURL(Pattern.compile(".*/$"));
    page.navigate(url("/?lang=" + lang));
    return page;
  }

  private BrowserContext context(int[] size) {
    // the test injects axe-core as an inline script, which the pages' Content-Security-Policy
    // rightly refuses: only the test's own script bypasses it
    return browser.newContext(
        new Browser.NewContextOptions().setViewportSize(size[0], size[1]).setBypassCSP(true));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String axe() {
    try (InputStream in = PageTourBrowserTests.class.getResourceAsStream("/axe/axe.min.js")) {
      assertThat(in)
          .as(
              "axe-core: run `npm ci --prefix .ci/axe` and copy"
                  + " .ci/axe/node_modules/axe-core/axe.min.js to src/test/resources/axe/"
                  + " (.ci/run does)")
          .isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
