package org.govflow.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register's pages and the quick start's register: eight MoUs, one renewal started by the
 * sweep, one lapsed, one with two terms; the list in the reader's language with the running
 * renewal's stage, the CSV, one MoU's page, and a form refused beside its fields.
 */
@IntegrationTest
class MouPagesTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  /** A browser session, logged in. */
  private WebSession as(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    return session;
  }

  @Test
  void theQuickStartRegisterHasARunningRenewalALapseAndTwoTerms() {
    assertThat(jdbc.queryForObject("select count(*) from partnership_mou", Integer.class))
        .isGreaterThanOrEqualTo(8);
    assertThat(
            jdbc.queryForList(
                "select r.business_key from partnership_renewal r join partnership_mou m"
                    + " on m.id = r.mou_id where m.partner_id = 'partner-unicef'",
                String.class))
        .singleElement()
        .satisfies(k -> assertThat(k).startsWith("MOU-UNICEF-"));
    assertThat(
            jdbc.queryForObject(
                "select status from partnership_mou where partner_id = 'partner-oecd'"
                    + " and title like '%Observatory%'",
                String.class))
        .isEqualTo("lapsed");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from partnership_mou_term t join partnership_mou m"
                    + " on m.id = t.mou_id where m.partner_id = 'partner-un-habitat'",
                Integer.class))
        .isEqualTo(2);
  }

  @Test
  void theListTheCsvAndOneMouInTheReadersLanguage() {
    // tomas.ibarra reads Spanish
    var list = as("tomas.ibarra").get("/partnerships");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("Memorandos de entendimiento con socios")
        .contains("Evaluación del punto focal")
        .contains("Vencido")
        .contains("MOU-UNICEF-");
    assertThat(list.body().indexOf("Child-friendly cities"))
        .as("the renewal whose notice date is nearest comes first")
        .isLessThan(list.body().indexOf("Decent work"));

    WebSession officer = as("officer");
    var filtered = officer.get("/partnerships?status=lapsed");
    assertThat(filtered.body()).contains("Observatory").doesNotContain("Child-friendly");

    var csv = officer.get("/partnerships.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("Partner,MoU,Status").contains("MOU-UNICEF-");

    Long id =
        jdbc.queryForObject(
            "select id from partnership_mou where partner_id = 'partner-un-habitat'", Long.class);
    var one = as("ines.moreau").get("/partnerships/" + id);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).contains("Renouvelé").contains("Nouveau terme enregistré");
  }

  @Test
  void anInvalidFormComesBackWithTheMessagesBesideTheFields() {
    int before = jdbc.queryForObject("select count(*) from partnership_mou", Integer.class);
    WebSession officer = as("officer");
    String csrf = WebSession.csrfToken(officer.get("/partnerships/new").body());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", csrf);
    form.put("partnerId", "partner-fao");
    form.put("partnerKind", "un-system");
    form.put("title", "Test");
    form.put("signedOn", "2027-01-10");
    form.put("startsOn", "2027-01-10");
    form.put("endsOn", "2026-12-31");
    form.put("renewalKind", "express");
    form.put("noticePeriod", "P3M");
    form.put("focalPoint", "tomas.ibarra");
    form.put("contactLanguage", "es");
    var page = officer.postForm("/partnerships", form);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("The expiry must come after the signature.");
    assertThat(jdbc.queryForObject("select count(*) from partnership_mou", Integer.class))
        .isEqualTo(before);
    WebSession member = as("ana.belmonte");
    assertThat(member.get("/partnerships/new").statusCode()).isEqualTo(403);
  }

  @Test
  void theDashboardAndTheFocalPointsCalendarCarryTheMouDates() throws Exception {
    var dashboard = as("officer").get("/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    String section = dashboard.body().substring(dashboard.body().indexOf("id=\"mou-dates\""));
    assertThat(section).contains("MoU: Child-friendly cities initiative").contains("Notice date");
    assertThat(section).doesNotContain("Public transport and local mobility");

    java.net.http.HttpResponse<String> ics =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/calendar.ics"))
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString("hannah.lindqvist:demo".getBytes()))
                    .GET()
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(ics.statusCode()).isEqualTo(200);
    String unfolded = ics.body().replace("\r\n ", "");
    assertThat(unfolded)
        .contains("Last day to decide on the MoU: MoU: Child-friendly cities initiative")
        .contains("MoU expires: MoU: Healthy cities")
        .doesNotContain("Urban food systems");
  }

  @Test
  void theSecretariatEndsAnMouAndItsRunningRenewalStops() {
    MouHttp api = new MouHttp(port);
    java.time.LocalDate today = java.time.LocalDate.now();
    Map<String, Object> mou = new LinkedHashMap<>();
    mou.put("partnerId", "partner-who");
    mou.put("partnerKind", "un-system");
    mou.put("title", "MoU on air quality");
    mou.put("signedOn", today.minusYears(1).toString());
    mou.put("startsOn", today.minusYears(1).toString());
    mou.put("endsOn", today.plusMonths(3).toString());
    mou.put("renewalKind", "express");
    mou.put("noticePeriod", "P1M");
    mou.put("focalPoint", "hannah.lindqvist");
    long id = api.post("officer", "/api/v1/mous", mou).json().path("summary").path("id").asLong();
    String pid =
        api.post("officer", "/api/v1/mous/" + id + "/renewal", "{}")
            .json()
            .path("processInstanceId")
            .asText();

    WebSession officer = as("officer");
    String page = officer.get("/partnerships/" + id).body();
    Map<String, String> missing = new LinkedHashMap<>();
    missing.put("_csrf", WebSession.csrfToken(page));
    missing.put("endedOn", today.toString());
    missing.put("reason", "");
    var refused = officer.postForm("/partnerships/" + id + "/end", missing);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Required.");

    Map<String, String> end = new LinkedHashMap<>(missing);
    end.put("reason", "Terminated by mutual consent.");
    assertThat(officer.postForm("/partnerships/" + id + "/end", end).statusCode()).isEqualTo(302);
    var details = api.get("officer", "/api/v1/mous/" + id).json();
    assertThat(details.path("summary").path("status").asText()).isEqualTo("lapsed");
    assertThat(details.path("renewals").get(0).path("outcome").asText()).isEqualTo("ended");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  /**
   * "Where it stands" links to the open task when the reader may act on it: the focal point to the
   * assessment form on the same page, the Secretary General to the decision's task page, anyone
   * else to nothing.
   */
  @Test
  void theRenewalsStageLinksToTheTaskOfWhoeverMayActOnIt() {
    MouHttp api = new MouHttp(port);
    java.time.LocalDate today = java.time.LocalDate.now();
    Map<String, Object> mou = new LinkedHashMap<>();
    mou.put("partnerId", "partner-uitp");
    mou.put("partnerKind", "association");
    mou.put("title", "MoU on bus rapid transit");
    mou.put("signedOn", today.minusYears(1).toString());
    mou.put("startsOn", today.minusYears(1).toString());
    mou.put("endsOn", today.plusMonths(3).toString());
    mou.put("renewalKind", "express");
    mou.put("noticePeriod", "P1M");
    mou.put("focalPoint", "tomas.ibarra");
    long id = api.post("officer", "/api/v1/mous", mou).json().path("summary").path("id").asLong();
    api.post("officer", "/api/v1/mous/" + id + "/renewal", "{}");

    WebSession tomas = as("tomas.ibarra");
    String page = tomas.get("/partnerships/" + id).body();
    Element link = Jsoup.parse(page).selectFirst("#stage a");
    assertThat(link).as("the focal point's link to the assessment").isNotNull();
    assertThat(link.attr("href")).isEqualTo("#assessment");
    assertThat(link.text()).isEqualTo("Ir a su tarea");
    assertThat(Jsoup.parse(as("ana.belmonte").get("/partnerships/" + id).body()).select("#stage a"))
        .as("no link for whoever may not act")
        .isEmpty();

    Map<String, String> assess = new LinkedHashMap<>();
    assess.put("_csrf", WebSession.csrfToken(page));
    assess.put("assessment", "Two joint studies and a workshop in Brussels.");
    assess.put("recommendation", "renew-as-is");
    assertThat(tomas.postForm("/partnerships/" + id + "/assessment", assess).statusCode())
        .isEqualTo(302);
    assertThat(Jsoup.parse(tomas.get("/partnerships/" + id).body()).select("#stage a")).isEmpty();

    WebSession sg = as("sg");
    Element decide = Jsoup.parse(sg.get("/partnerships/" + id).body()).selectFirst("#stage a");
    assertThat(decide).as("the Secretary General's link to the decision").isNotNull();
    assertThat(decide.attr("href")).startsWith("/tasks/");
    var task = sg.get(decide.attr("href"));
    assertThat(task.statusCode()).isEqualTo(200);
    assertThat(task.body()).contains("MoU on bus rapid transit");
  }
}
