package org.govflow.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The secretariat's assignment form on the quick start's plan: the focal point is picked by name
 * among each body's members (the login only as the value), the target from the plan's sections and
 * actions by reference and title; a refused submission answers 400 with the values kept and the
 * reason beside its field in the reader's language, and changes nothing.
 */
@IntegrationTest
class WorkPlanPagesTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private WebSession as(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    return session;
  }

  @Test
  void theFocalPointIsPickedByNameAmongTheBodysMembers() {
    WebSession officer = as("officer");
    Document page = Jsoup.parse(officer.get("/workplan?lang=fr&year=" + year()).body());
    Element focal = page.selectFirst("select#wp-focalPoint[name=focalPoint]");
    assertThat(focal).as("a picker, not a field to type a login in").isNotNull();
    assertThat(page.select("input[name=focalPoint]")).isEmpty();
    Element council = focal.selectFirst("optgroup[data-body=council-right-to-city]");
    assertThat(council.attr("label"))
        .isEqualTo("Conseil politique sur le droit à la ville et les territoires inclusifs");
    Element ana = council.selectFirst("option[value=ana.belmonte]");
    assertThat(ana.text()).isEqualTo("Ana Belmonte Ruiz");
    assertThat(focal.select("option").eachText())
        .as("people by name, never a login")
        .doesNotContain("ana.belmonte", "ibrahima.sarr", "officer");
    // the target: the plan's sections and actions by reference, each with its title or text
    Element target = page.selectFirst("input#wp-target[list=wp-targets]");
    assertThat(target).isNotNull();
    assertThat(page.selectFirst("datalist#wp-targets option[value=2.2]").attr("label"))
        .isEqualTo("Policy");
    assertThat(page.selectFirst("datalist#wp-targets option[value=1.1-B1]").attr("label"))
        .isEqualTo(
            "Set up three new local action hubs with member cities in Africa and Latin America.");
    // a member of the section, not a login, shows as the focal point on the plan
    assertThat(page.selectFirst("[id=s1.1] .wp-action .wp-meta").text())
        .contains("(Ibrahima Sarr)");
    // only the secretariat sees the form
    assertThat(
            Jsoup.parse(as("ana.belmonte").get("/workplan?year=" + year()).body())
                .select("#wp-focalPoint"))
        .isEmpty();
  }

  @Test
  void aFocalPointOutsideTheOwnerBodyIsRefusedBesideTheFieldWithTheValuesKept() {
    WebSession officer = as("officer");
    int year = year();
    String before = owner("1.1-B3");
    Document page = Jsoup.parse(officer.get("/workplan?lang=es&year=" + year).body());
    HttpResponse<String> refused =
        officer.postForm(
            "/workplan/assign",
            Map.of(
                "_csrf", WebSession.csrfToken(page.outerHtml()),
                "year", String.valueOf(year),
                "target", "1.1-B3",
                "owner", "section-africa",
                "focalPoint", "ana.belmonte"));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document answer = Jsoup.parse(refused.body());
    assertThat(answer.selectFirst("#wp-focalPoint-error").text())
        .isEqualTo(
            "Ana Belmonte Ruiz no forma parte de Ciudades y Gobiernos Locales Unidos de África"
                + " (CGLU África): elija un punto focal entre los miembros del órgano.");
    assertThat(answer.selectFirst(".error-summary a[href=#wp-focalPoint]").text())
        .startsWith("Punto focal: Ana Belmonte Ruiz no forma parte");
    assertThat(answer.selectFirst("#wp-target").val()).isEqualTo("1.1-B3");
    assertThat(answer.selectFirst("#wp-owner option[selected]").val()).isEqualTo("section-africa");
    assertThat(answer.selectFirst("#wp-focalPoint option[selected]").val())
        .isEqualTo("ana.belmonte");
    assertThat(answer.selectFirst("#wp-focalPoint").attr("aria-describedby"))
        .contains("wp-focalPoint-error");
    assertThat(owner("1.1-B3")).as("nothing changed").isEqualTo(before);

    // no target: refused beside the field, not "no section ''"
    HttpResponse<String> blank =
        officer.postForm(
            "/workplan/assign",
            Map.of(
                "_csrf",
                WebSession.csrfToken(refused.body()),
                "year",
                String.valueOf(year),
                "target",
                " ",
                "owner",
                "section-africa"));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(blank.body()).selectFirst("#wp-target-error").text())
        .isEqualTo("Elija una acción o una sección del plan.");
  }

  @Test
  void anActionIsGivenAnOwnerAndAFocalPointPickedByName() {
    WebSession officer = as("officer");
    int year = year();
    Document page = Jsoup.parse(officer.get("/workplan?year=" + year).body());
    HttpResponse<String> done =
        officer.postForm(
            "/workplan/assign",
            Map.of(
                "_csrf", WebSession.csrfToken(page.outerHtml()),
                "year", String.valueOf(year),
                "target", "3.2-R1",
                "owner", "secretariat",
                "focalPoint", "camille.roche"));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.queryForMap(
                "select a.owner_body, a.focal_point from workplan_action a"
                    + " join workplan p on p.id = a.workplan_id"
                    + " where p.plan_year = ? and a.ref = ? and a.removed_at is null",
                year,
                "3.2-R1"))
        .containsEntry("owner_body", "secretariat")
        .containsEntry("focal_point", "camille.roche");
    Document plan = Jsoup.parse(officer.get("/workplan?owner=secretariat&year=" + year).body());
    assertThat(plan.selectFirst(".wp-action .wp-meta").text())
        .contains("World Secretariat (Camille Roche)")
        .doesNotContain("camille.roche");
  }

  private int year() {
    // the quick start's plan (another test may import a plan of its own for another year)
    return jdbc.queryForObject(
        "select plan_year from workplan where source_name = 'demo-workplan.txt'", Integer.class);
  }

  private String owner(String ref) {
    return jdbc.queryForObject(
        "select coalesce(a.owner_body, '') || '/' || coalesce(a.focal_point, '')"
            + " from workplan_action a join workplan p on p.id = a.workplan_id"
            + " where p.plan_year = ? and a.ref = ? and a.removed_at is null",
        String.class,
        year(),
        ref);
  }
}
