package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govflow.support.IntegrationTest;
import org.govflow.support.StubIssuer;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpenID Connect login and bearer tokens against a stub provider on loopback, over real HTTP: the
 * whole authorization-code flow through govflow, then who /api/v1/me says the person is.
 */
@IntegrationTest
class OidcLoginTests {

  static final String CLIENT_ID = "govflow";

  // up before the context starts: Spring Boot reads the discovery document to build the client
  static final StubIssuer PROVIDER = StubIssuer.start(CLIENT_ID, "stub-secret");

  @DynamicPropertySource
  static void oidcClient(DynamicPropertyRegistry properties) {
    String client = "spring.security.oauth2.client.";
    properties.add(client + "registration.stub.client-id", () -> CLIENT_ID);
    properties.add(client + "registration.stub.client-secret", () -> "stub-secret");
    properties.add(client + "registration.stub.scope", () -> "openid,profile,email");
    properties.add(client + "provider.stub.issuer-uri", PROVIDER::issuer);
    // a Keycloak group path: the brackets keep the slashes in the map key
    properties.add(
        "govflow.security.oidc.group-mapping[/councils/rtc]", () -> "council-right-to-city");
    properties.add("govflow.security.oidc.audiences", () -> CLIENT_ID);
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.close();
  }

  @LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theLoginPageOffersTheProvider() {
    assertThat(new WebSession(port).get("/login").body())
        .contains("href=\"/oauth2/authorization/stub\"");
  }

  @Test
  void theOfficerLogsInThroughTheProviderByUsernameWithTheMappedGroupsBodies() throws Exception {
    WebSession browser = new WebSession(port);

    HttpResponse<String> landing =
        logIn(
            browser,
            Map.of(
                "preferred_username",
                "officer",
                // the username decides, whatever the e-mail says
                "email",
                "laura@provider.example",
                "email_verified",
                true,
                "groups",
                List.of("/councils/rtc", "/staff/everyone", "not-a-body")));

    assertThat(landing.statusCode()).isEqualTo(302);
    assertThat(landing.headers().firstValue("Location").orElseThrow())
        .isEqualTo("http://localhost:" + port + "/");
    assertThat(browser.get("/").body()).contains("Laura Mitchell");

    JsonNode me = json.readTree(browser.get("/api/v1/me").body());
    assertThat(me.path("id").asText()).isEqualTo("officer");
    // exactly the seats the directory gives, plus the council the mapped group names: the groups
    // that name no body are ignored
    Set<String> expected = new HashSet<>(bodiesOverHttpBasic("officer"));
    assertThat(expected).doesNotContain("council-right-to-city");
    expected.add("council-right-to-city");
    assertThat(me.path("bodies").findValuesAsText("id"))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(json.convertValue(me.path("roles"), String[].class))
        .contains("secretariat", "member");
  }

  @Test
  void someoneTheDirectoryKnowsByAnotherNameIsFoundByTheirVerifiedEmail() throws Exception {
    WebSession browser = new WebSession(port);

    HttpResponse<String> landing =
        logIn(
            browser,
            Map.of(
                "preferred_username", "adiallo",
                "email", "Amina.Diallo@demo.govflow.org",
                "email_verified", true));

    assertThat(landing.headers().firstValue("Location").orElseThrow()).doesNotContain("refused");
    JsonNode me = json.readTree(browser.get("/api/v1/me").body());
    assertThat(me.path("id").asText()).isEqualTo("amina.diallo");
    assertThat(me.path("bodies").findValuesAsText("id"))
        .containsExactlyInAnyOrderElementsOf(bodiesOverHttpBasic("amina.diallo"));
  }

  @Test
  void anEmailTheProviderHasNotVerifiedFindsNobody() {
    WebSession browser = new WebSession(port);

    HttpResponse<String> landing =
        logIn(
            browser,
            Map.of(
                "preferred_username", "adiallo",
                "email", "amina.diallo@demo.govflow.org",
                "email_verified", false));

    assertThat(landing.headers().firstValue("Location").orElseThrow()).endsWith("/login?refused");
    assertThat(browser.get("/login?refused").body())
        .contains("adiallo is not in the govflow directory");
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void someoneTheDirectoryDoesNotKnowIsRefusedWithAClearMessage() {
    WebSession browser = new WebSession(port);

    HttpResponse<String> landing =
        logIn(
            browser,
            Map.of(
                "preferred_username",
                "stranger",
                "email",
                "stranger@provider.example",
                "email_verified",
                true,
                "groups",
                List.of("/councils/rtc")));

    assertThat(landing.statusCode()).isEqualTo(302);
    assertThat(landing.headers().firstValue("Location").orElseThrow()).endsWith("/login?refused");
    HttpResponse<String> page = browser.get("/login?refused");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("role=\"alert\"", "stranger is not in the govflow directory")
        .doesNotContain("Wrong user name or password");
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aBearerTokenFromTheProviderCallsTheApiAsTheDirectoryPerson() throws Exception {
    String token =
        PROVIDER.accessToken(
            Map.of("preferred_username", "officer", "groups", List.of("/councils/rtc")));

    HttpResponse<String> me = new WebSession(port).get("/api/v1/me", bearer(token));

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();
    JsonNode body = json.readTree(me.body());
    assertThat(body.path("id").asText()).isEqualTo("officer");
    assertThat(body.path("bodies").findValuesAsText("id")).contains("council-right-to-city");
  }

  @Test
  void aBearerTokenSignedByAnotherKeyIsRefused() throws Exception {
    String forged = PROVIDER.accessTokenSignedByAnotherKey(Map.of("preferred_username", "admin"));

    HttpResponse<String> me = new WebSession(port).get("/api/v1/me", bearer(forged));

    assertThat(me.statusCode()).isEqualTo(401);
    assertThat(me.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(me.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Bearer"));
    assertThat(json.readTree(me.body()).path("status").asInt()).isEqualTo(401);
  }

  @Test
  void aBearerTokenThatIsExpiredForAnotherAudienceFromAnotherIssuerOrForAStrangerIsRefused() {
    WebSession script = new WebSession(port);
    Instant past = Instant.now().minusSeconds(3600);

    assertThat(
            script
                .get(
                    "/api/v1/me",
                    bearer(
                        PROVIDER.accessToken(
                            Map.of(
                                "preferred_username",
                                "officer",
                                "iat",
                                past.minusSeconds(300),
                                "exp",
                                past))))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            script
                .get(
                    "/api/v1/me",
                    bearer(
                        PROVIDER.accessToken(
                            Map.of("preferred_username", "officer", "aud", "another-client"))))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            script
                .get(
                    "/api/v1/me",
                    bearer(
                        PROVIDER.accessToken(
                            Map.of(
                                "preferred_username",
                                "officer",
                                "iss",
                                "http://127.0.0.1:1/realms/elsewhere"))))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            script
                .get(
                    "/api/v1/me",
                    bearer(PROVIDER.accessToken(Map.of("preferred_username", "stranger"))))
                .statusCode())
        .isEqualTo(401);
    assertThat(script.get("/api/v1/me", bearer("not-a-jwt")).statusCode()).isEqualTo(401);
  }

  @Test
  void httpBasicStillWorksWithOpenIdConnectConfigured() throws Exception {
    HttpResponse<String> me = new WebSession(port).getAs("legal", "demo", "/api/v1/me");

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json.readTree(me.body()).path("id").asText()).isEqualTo("legal");
  }

  /**
   * The authorization-code flow as a browser goes through it: govflow sends the browser to the
   * provider, the person logs in there, the provider sends the browser back with a code, govflow
   * trades it for the tokens. Returns govflow's answer to the callback.
   */
  private HttpResponse<String> logIn(WebSession browser, Map<String, Object> claims) {
    HttpResponse<String> start = browser.get("/oauth2/authorization/stub");
    assertThat(start.statusCode()).isEqualTo(302);
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.toString()).startsWith(PROVIDER.issuer()).contains("nonce=");

    URI callback = PROVIDER.logIn(authorize, claims);
    assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/stub");
    return browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
  }

  private List<String> bodiesOverHttpBasic(String person) throws Exception {
    HttpResponse<String> me = new WebSession(port).getAs(person, "demo", "/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(200);
    return json.readTree(me.body()).path("bodies").findValuesAsText("id");
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
  }
}
