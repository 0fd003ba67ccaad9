package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scripts call the API with a personal access token (or HTTP Basic) and leave no session behind;
 * browsers calling with their session are held to the CSRF token whatever other header they carry,
 * and are never asked for a password.
 */
@IntegrationTest
class ApiAuthenticationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;

  private final ObjectMapper json = new ObjectMapper();

  private HttpResponse<String> call(String method, String path, String auth, String body) {
    Map<String, String> headers =
        auth == null
            ? Map.of("Accept", "application/json", "Content-Type", "application/json")
            : Map.of(
                "Accept",
                "application/json",
                "Content-Type",
                "application/json",
                "Authorization",
                auth);
    return new WebSession(port).send(method, path, headers, body);
  }

  private int sessions() {
    return jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
  }

  private JsonNode createToken(String user, String name) throws Exception {
    HttpResponse<String> created =
        call(
            "POST",
            "/api/v1/me/tokens",
            WebSession.basic(user, "demo"),
            "{\"name\":\"" + name + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body());
  }

  @Test
  void aPersonalAccessTokenStandsForItsPersonUntilRevoked() throws Exception {
    int before = sessions();
    JsonNode created = createToken("officer", "nightly export");
    String token = created.path("token").asText();
    String id = created.path("id").asText();
    assertThat(token).startsWith("gfpat_").hasSizeGreaterThan(40);

    // only its SHA-256 is stored
    String stored =
        jdbc.sql("select token_hash from access_token where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    assertThat(stored)
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.UTF_8))));

    HttpResponse<String> me = call("GET", "/api/v1/me", "Bearer " + token, null);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json.readTree(me.body()).path("id").asText()).isEqualTo("officer");
    assertThat(me.headers().allValues("Set-Cookie")).isEmpty();

    // listed without the token itself
    HttpResponse<String> list = call("GET", "/api/v1/me/tokens", "Bearer " + token, null);
    assertThat(list.body()).contains("nightly export").doesNotContain(token);

    // the person's rights, no more: the officer is no operator
    assertThat(call("GET", "/engine-rest/engine", "Bearer " + token, null).statusCode())
        .isEqualTo(403);

    // someone else cannot revoke it
    assertThat(
            call("DELETE", "/api/v1/me/tokens/" + id, WebSession.basic("president", "demo"), null)
                .statusCode())
        .isEqualTo(404);
    assertThat(call("DELETE", "/api/v1/me/tokens/" + id, "Bearer " + token, null).statusCode())
        .isEqualTo(204);
    HttpResponse<String> revoked = call("GET", "/api/v1/me", "Bearer " + token, null);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");

    // scripts leave no sessions behind
    assertThat(sessions()).isEqualTo(before);
  }

  @Test
  void theOperatorsTokenOpensCamundasRestApi() throws Exception {
    String token = createToken("admin", "cockpit script").path("token").asText();

    HttpResponse<String> definitions =
        call(
            "GET",
            "/engine-rest/engine/" + engine.getName() + "/process-definition",
            "Bearer " + token,
            null);

    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(definitions.body()).contains("document-approval");
  }

  @Test
  void aTokenNeedsAName() {
    HttpResponse<String> refused =
        call("POST", "/api/v1/me/tokens", WebSession.basic("officer", "demo"), "{\"name\":\"\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("name");
    HttpResponse<String> control =
        call(
            "POST",
            "/api/v1/me/tokens",
            WebSession.basic("officer", "demo"),
            "{\"name\":\"a\\u0000b\"}");
    assertThat(control.statusCode()).isEqualTo(400);
  }

  @Test
  void aSessionCallIsHeldToTheCsrfTokenWhateverAuthorizationHeaderItCarries() {
    WebSession browser = new WebSession(port);
    browser.login("officer", "demo");

    HttpResponse<String> forged =
        browser.send(
            "POST",
            "/api/v1/me/tokens",
            Map.of("Content-Type", "application/json", "Authorization", "Bearer garbage"),
            "{\"name\":\"forged\"}");

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql("select count(*) from access_token where name = 'forged'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void anonymousCallsAreAnswered401WithoutABasicChallengeAndLeaveNoSession() {
    int before = sessions();

    HttpResponse<String> get = call("GET", "/api/v1/me", null, null);
    HttpResponse<String> post = call("POST", "/api/v1/me/tokens", null, "{\"name\":\"x\"}");
    HttpResponse<String> form =
        new WebSession(port)
            .send(
                "POST",
                "/api/v1/me/tokens",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "name=x");

    assertThat(get.statusCode()).isEqualTo(401);
    assertThat(post.statusCode()).isEqualTo(401);
    assertThat(form.statusCode()).isEqualTo(401);
    assertThat(get.headers().allValues("WWW-Authenticate"))
        .isNotEmpty()
        .noneMatch(h -> h.startsWith("Basic"));
    assertThat(get.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(sessions()).isEqualTo(before);
  }

  @Test
  void aScriptTryingBasicIsStillOfferedBasic() {
    HttpResponse<String> wrong =
        call("GET", "/api/v1/me", WebSession.basic("officer", "wrong"), null);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Basic"));
  }

  @Test
  void aPersonCreatesAndRevokesTokensOnTheirPage() throws Exception {
    WebSession browser = new WebSession(port);
    browser.login("amina.diallo", "demo");
    String csrf = WebSession.csrfToken(browser.get("/me/tokens").body());

    HttpResponse<String> invalid =
        browser.postForm("/me/tokens", Map.of("_csrf", csrf, "name", "   "));
    assertThat(invalid.statusCode()).isEqualTo(200);
    assertThat(invalid.body()).contains("field-error").doesNotContain("gfpat_");

    HttpResponse<String> created =
        browser.postForm("/me/tokens", Map.of("_csrf", csrf, "name", "tableur"));
    assertThat(created.body()).contains("Jetons d’accès", "tableur");
    String token =
        created.body().replaceAll("(?s).*<code class=\"token\">(gfpat_[^<]+)</code>.*", "$1");
    assertThat(token).startsWith("gfpat_");
    assertThat(call("GET", "/api/v1/me", "Bearer " + token, null).statusCode()).isEqualTo(200);
    // shown once: the page lists its name, never the token again
    assertThat(browser.get("/me/tokens").body()).contains("tableur").doesNotContain(token);

    String id =
        jdbc.sql("select id from access_token where person_id = 'amina.diallo'")
            .query(String.class)
            .single();
    browser.postForm("/me/tokens/" + id + "/revoke", Map.of("_csrf", csrf));
    assertThat(call("GET", "/api/v1/me", "Bearer " + token, null).statusCode()).isEqualTo(401);
  }

  @Test
  void pagesSendTheirPoliciesAndBehindTlsTheSessionCookieIsSecure() {
    HttpResponse<String> login =
        new WebSession(port).get("/login", Map.of("X-Forwarded-Proto", "https"));

    assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
    assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(login.headers().firstValue("Permissions-Policy").orElseThrow())
        .contains("camera=()");
    assertThat(login.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("SESSION=") && c.contains("Secure"));
  }
}
