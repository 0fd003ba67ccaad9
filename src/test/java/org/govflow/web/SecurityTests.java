package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who reaches what, over real HTTP against the running application. */
@IntegrationTest
class SecurityTests {

  @LocalServerPort int port;

  // test contexts give their engines unique names; the webapps and REST API address them by name
  @Autowired ProcessEngine engine;

  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theLoginPageIsServedToEveryoneAndOffersTheDemoLogins() {
    HttpResponse<String> page = new WebSession(port).get("/login");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("name=\"username\"", "name=\"_csrf\"", "<code>president</code>");
  }

  @Test
  void pagesRedirectToTheLoginPageUntilLoggedIn() {
    HttpResponse<String> home = new WebSession(port).get("/");

    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void thePresidentLogsInWithTheFormAndSeesTheirBodies() throws Exception {
    WebSession browser = new WebSession(port);

    HttpResponse<String> login = browser.login("president", "demo");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

    HttpResponse<String> home = browser.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Zeynep Aksoylu", "Presidency", "World Council");

    JsonNode me = json.readTree(browser.get("/api/v1/me").body());
    assertThat(me.path("id").asText()).isEqualTo("president");
    assertThat(me.path("bodies").findValuesAsText("id")).contains("presidency", "world-council");
    assertThat(me.path("roles").findValuesAsText("roles")).isEmpty();
    assertThat(json.convertValue(me.path("roles"), String[].class))
        .contains("leadership", "member");
  }

  @Test
  void sessionsLiveInTheDatabaseSoAnyNodeServesAnyUser() {
    new WebSession(port).login("sg", "demo");

    Integer sessions =
        jdbc.sql("select count(*) from spring_session where principal_name = 'sg'")
            .query(Integer.class)
            .single();
    assertThat(sessions).isPositive();
  }

  @Test
  void loggingOutEndsTheSession() {
    WebSession browser = new WebSession(port);
    browser.login("officer", "demo");
    String token = WebSession.csrfToken(browser.get("/").body());

    HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", token));

    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(browser.get("/login?logout").body()).contains("You have logged out.");
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void aWrongPasswordIsRefusedWithAMessage() {
    WebSession browser = new WebSession(port);

    HttpResponse<String> login = browser.login("president", "wrong");
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    assertThat(browser.get("/login?error").body()).contains("Wrong user name or password.");
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void aLoginFormWithoutItsCsrfTokenIsRefused() {
    HttpResponse<String> login =
        new WebSession(port)
            .postForm("/login", Map.of("username", "president", "password", "demo"));

    assertThat(login.statusCode()).isEqualTo(403);
  }

  @Test
  void theApiAnswersProblemDetailsWithoutCredentials() throws Exception {
    HttpResponse<String> me =
        new WebSession(port).get("/api/v1/me", Map.of("Accept", "application/json"));

    assertThat(me.statusCode()).isEqualTo(401);
    assertThat(me.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json.readTree(me.body()).path("status").asInt()).isEqualTo(401);
  }

  @Test
  void theApiTakesHttpBasicAndAnswersInTheCallersLanguage() throws Exception {
    WebSession script = new WebSession(port);

    HttpResponse<String> me = script.getAs("officer", "demo", "/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json.readTree(me.body()).path("roles").toString()).contains("secretariat");

    HttpResponse<String> bodies = script.getAs("legal", "demo", "/api/v1/directory/bodies");
    assertThat(bodies.statusCode()).isEqualTo(200);
    JsonNode list = json.readTree(bodies.body());
    JsonNode council =
        java.util.stream.StreamSupport.stream(list.spliterator(), false)
            .filter(b -> b.path("id").asText().equals("council-right-to-city"))
            .findFirst()
            .orElseThrow();
    assertThat(council.path("type").asText()).isEqualTo("policy-council");
    assertThat(council.path("members").findValuesAsText("role")).contains("co-chair", "member");
  }

  @Test
  void onlyAdminsReachCamundasRestApi() {
    WebSession script = new WebSession(port);

    assertThat(script.get("/engine-rest/engine").statusCode()).isEqualTo(401);
    assertThat(script.getAs("officer", "demo", "/engine-rest/engine").statusCode()).isEqualTo(403);
    assertThat(
            script
                .getAs(
                    "president",
                    "demo",
                    "/engine-rest/engine/" + engine.getName() + "/process-definition")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> admin =
        script.getAs(
            "admin", "demo", "/engine-rest/engine/" + engine.getName() + "/process-definition");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("document-approval");
  }

  @Test
  void onlyAdminsReachCamundasWebappsAndAreSignedInThere() {
    WebSession anonymous = new WebSession(port);
    assertThat(anonymous.get("/camunda/app/cockpit/" + engine.getName() + "/").statusCode())
        .isEqualTo(302);
    assertThat(anonymous.get("/camunda/api/admin/auth/user/" + engine.getName()).statusCode())
        .isEqualTo(302);

    WebSession officer = new WebSession(port);
    officer.login("officer", "demo");
    assertThat(officer.get("/camunda/app/cockpit/" + engine.getName() + "/").statusCode())
        .isEqualTo(403);
    assertThat(officer.get("/camunda/api/admin/auth/user/" + engine.getName()).statusCode())
        .isEqualTo(403);

    WebSession admin = new WebSession(port);
    admin.login("admin", "demo");
    assertThat(admin.get("/camunda/app/cockpit/" + engine.getName() + "/").statusCode())
        .isEqualTo(200);
    HttpResponse<String> auth = admin.get("/camunda/api/admin/auth/user/" + engine.getName());
    assertThat(auth.statusCode()).isEqualTo(200);
    assertThat(auth.body()).contains("\"userId\":\"admin\"", "cockpit");
  }

  @Test
  void pagesComeInTheReadersLanguageAndTimeZoneUntilSwitched() {
    // amina.diallo reads French and lives in Africa/Dakar (organization.yml)
    WebSession browser = new WebSession(port);
    browser.login("amina.diallo", "demo");

    assertThat(browser.get("/").body()).contains("Bienvenue", "Vos organes", "Dakar – ");
    assertThat(browser.get("/?lang=es").body()).contains("Bienvenido/a", "Sus órganos");
    assertThat(browser.get("/").body()).contains("Bienvenido/a");
  }
}
