package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Guessing passwords: after a few failures, an account and an address must wait, through the login
 * form, HTTP Basic and bearer tokens alike, the right password included; an account that does not
 * exist is answered exactly like one that does; after the wait the right password works. Each test
 * comes from its own client address (X-Forwarded-For, read as the TLS proxy's).
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "govflow.security.login-throttle.account[0].failures=3",
      "govflow.security.login-throttle.account[0].period=10s",
      "govflow.security.login-throttle.address[0].failures=8",
      "govflow.security.login-throttle.address[0].period=60s"
    })
class LoginThrottleTests {

  @LocalServerPort int port;

  private static Map<String, String> from(String address, String... more) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("X-Forwarded-For", address);
    for (int i = 0; i < more.length; i += 2) {
      headers.put(more[i], more[i + 1]);
    }
    return headers;
  }

  /** The login form as a browser posts it, from the given address; returns where it leads. */
  private static String formLogin(
      WebSession browser, String address, String user, String password) {
    String page = browser.get("/login", from(address)).body();
    String body =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(WebSession.csrfToken(page), StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        browser.send(
            "POST",
            "/login",
            from(address, "Content-Type", "application/x-www-form-urlencoded"),
            body);
    assertThat(answer.statusCode()).isEqualTo(302);
    return answer.headers().firstValue("Location").orElseThrow();
  }

  private HttpResponse<String> api(String address, String authorization) {
    return new WebSession(port)
        .send(
            "GET",
            "/api/v1/me",
            from(address, "Authorization", authorization, "Accept", "application/json"),
            null);
  }

  private static void sleepSeconds(long seconds) throws InterruptedException {
    Thread.sleep(seconds * 1000 + 300);
  }

  /** Where each of five form logins leads: three wrong passwords, then the right one twice. */
  private List<String> guessThroughTheForm(String address, String user) {
    WebSession browser = new WebSession(port);
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(formLogin(browser, address, user, "wrong-" + i));
    }
    answers.add(formLogin(browser, address, user, "demo"));
    answers.add(formLogin(browser, address, user, "demo"));
    return answers.stream().map(location -> location.replaceAll("wait=\\d+", "wait=N")).toList();
  }

  @Test
  void theLoginFormMakesAGuesserWaitThenLetsTheRightPasswordIn() throws Exception {
    String address = "198.51.100.1";
    List<String> officer = guessThroughTheForm(address, "officer");

    assertThat(officer.get(0)).endsWith("/login?error");
    assertThat(officer.get(1)).endsWith("/login?error");
    // the third failure uses up the allowance: the person is told to wait at once
    assertThat(officer.get(2)).endsWith("/login?wait=N");
    // the right password is refused too while the account waits
    assertThat(officer.get(3)).endsWith("/login?wait=N");
    assertThat(officer.get(4)).endsWith("/login?wait=N");

    // an account that does not exist is answered the same way, step by step
    assertThat(guessThroughTheForm(address, "nobody-at-all")).isEqualTo(officer);

    // the page says to wait, in the person's language, without a word about the account
    WebSession browser = new WebSession(port);
    String en = browser.get("/login?wait=3", from(address)).body();
    assertThat(en).contains("Too many failed attempts to log in. Wait a minute, then try again.");
    assertThat(en).doesNotContain("Wrong user name or password");
    String fr = browser.get("/login?wait=150", from(address, "Accept-Language", "fr")).body();
    assertThat(fr).contains("Attendez 3 minutes, puis réessayez.");
    String es = browser.get("/login?wait=30", from(address, "Accept-Language", "es")).body();
    assertThat(es).contains("Espere un minuto y vuelva a intentarlo.");

    // nobody is logged in
    assertThat(browser.get("/", from(address)).statusCode()).isEqualTo(302);

    // after the wait, the right password works
    sleepSeconds(10);
    WebSession afterwards = new WebSession(port);
    assertThat(formLogin(afterwards, address, "officer", "demo")).doesNotContain("/login");
    assertThat(afterwards.get("/", from(address)).statusCode()).isEqualTo(200);
  }

  @Test
  void httpBasicAnswers429WithRetryAfterThenLetsTheRightPasswordIn() throws Exception {
    String address = "198.51.100.2";
    for (String user : List.of("president", "no-such-person")) {
      for (int i = 0; i < 3; i++) {
        assertThat(api(address, WebSession.basic(user, "wrong")).statusCode()).isEqualTo(401);
      }
      HttpResponse<String> refused = api(address, WebSession.basic(user, "demo"));
      assertThat(refused.statusCode()).as(user).isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(refused.body()).contains("Too many failed logins").doesNotContain(user);
      long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 10L);
    }

    sleepSeconds(10);
    HttpResponse<String> afterwards = api(address, WebSession.basic("president", "demo"));
    assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(200);
  }

  @Test
  void anAddressGuessingTokensOrManyAccountsWaitsWhateverTheAccount() {
    String address = "198.51.100.3";
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> guess = api(address, "Bearer gfpat_guess" + i);
      assertThat(guess.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> refused = api(address, "Bearer gfpat_guess-again");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    // every account waits from that address, the one never tried included, on every door
    assertThat(api(address, WebSession.basic("legal", "demo")).statusCode()).isEqualTo(429);
    assertThat(
            new WebSession(port)
                .send(
                    "GET",
                    "/engine-rest/engine",
                    from(address, "Authorization", WebSession.basic("admin", "demo")),
                    null)
                .statusCode())
        .isEqualTo(429);
    assertThat(formLogin(new WebSession(port), address, "legal", "demo")).contains("/login?wait=");
    // another address is not held up
    assertThat(api("198.51.100.4", WebSession.basic("legal", "demo")).statusCode()).isEqualTo(200);
  }

  @Test
  void aSuccessfulLoginForgetsTheAccountsFailures() {
    String address = "198.51.100.5";
    String user = "sg";
    assertThat(api(address, WebSession.basic(user, "wrong")).statusCode()).isEqualTo(401);
    assertThat(api(address, WebSession.basic(user, "wrong")).statusCode()).isEqualTo(401);
    assertThat(api(address, WebSession.basic(user, "demo")).statusCode()).isEqualTo(200);
    assertThat(api(address, WebSession.basic(user, "wrong")).statusCode()).isEqualTo(401);
    assertThat(api(address, WebSession.basic(user, "wrong")).statusCode()).isEqualTo(401);
    assertThat(api(address, WebSession.basic(user, "demo")).statusCode()).isEqualTo(200);
  }
}
