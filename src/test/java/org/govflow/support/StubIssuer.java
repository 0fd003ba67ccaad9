package org.govflow.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in OpenID Connect provider on loopback, enough for the authorization-code flow:
 * discovery, the JWK set, an authorization endpoint that "logs in" whoever the test names and
 * redirects back with a code, and a token endpoint that trades the code for an RS256 ID token
 * (echoing the nonce) and an access token. It also signs bearer tokens for API calls, with its own
 * key or another one.
 */
public final class StubIssuer implements AutoCloseable {

  private static final String REALM = "/realms/govflow";
  private static final String AUTHORIZE = REALM + "/protocol/openid-connect/auth";
  private static final String TOKEN = REALM + "/protocol/openid-connect/token";
  private static final String CERTS = REALM + "/protocol/openid-connect/certs";

  private final String clientId;
  private final String clientSecret;
  private final RSAKey key;
  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Who logs in next at the authorization endpoint, by a ticket the test hands it. */
  private final Map<String, Map<String, Object>> logins = new ConcurrentHashMap<>();

  /** Codes handed out and not yet traded. */
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();

  private record Grant(Map<String, Object> claims, String nonce, String redirectUri) {}

  private StubIssuer(String clientId, String clientSecret) throws IOException, JOSEException {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.key = newKey();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(REALM + "/.well-known/openid-configuration", this::discovery);
    server.createContext(CERTS, this::certs);
    server.createContext(AUTHORIZE, this::authorize);
    server.createContext(TOKEN, this::token);
    server.start();
  }

  /** A provider for one confidential client, listening on a free loopback port. */
  public static StubIssuer start(String clientId, String clientSecret) {
    try {
      return new StubIssuer(clientId, clientSecret);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The issuer identifier, as {@code spring.security.oauth2.client.provider.*.issuer-uri}. */
  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
  }

  /**
   * Plays the person at the provider's login page: follows the authorization request govflow
   * redirected the browser to, logs in as the one these claims describe, and returns where the
   * provider sends the browser back (govflow's callback with the code and state).
   */
  public URI logIn(URI authorizationRequest, Map<String, Object> claims) {
    String ticket = UUID.randomUUID().toString();
    logins.put(ticket, claims);
    URI withTicket = URI.create(authorizationRequest + "&login_ticket=" + ticket);
    try {
      HttpResponse<String> answer =
          browser.send(
              HttpRequest.newBuilder(withTicket).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 302) {
        throw new AssertionError(
            "The provider refused the authorization request: " + answer.body());
      }
      return URI.create(answer.headers().firstValue("Location").orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * An access token as the provider would issue it to a script: issuer, audience (the client),
   * issued now, valid five minutes, and these claims (which may override any of those).
   */
  public String accessToken(Map<String, Object> claims) {
    return sign(key, withDefaults(claims, clientId));
  }

  /** The same token, but signed by a key the provider never published (under its key's id). */
  public String accessTokenSignedByAnotherKey(Map<String, Object> claims) {
    try {
      RSAKey impostor = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
      return sign(impostor, withDefaults(claims, clientId));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void discovery(HttpExchange exchange) throws IOException {
    Map<String, Object> metadata = new LinkedHashMap<>();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    metadata.put("issuer", issuer());
    metadata.put("authorization_endpoint", base + AUTHORIZE);
    metadata.put("token_endpoint", base + TOKEN);
    metadata.put("jwks_uri", base + CERTS);
    metadata.put("response_types_supported", List.of("code"));
    metadata.put("subject_types_supported", List.of("public"));
    metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
    metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    metadata.put("grant_types_supported", List.of("authorization_code"));
    metadata.put("scopes_supported", List.of("openid", "profile", "email"));
    respond(exchange, 200, json.writeValueAsString(metadata));
  }

  private void certs(HttpExchange exchange) throws IOException {
    respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    Map<String, Object> claims = logins.remove(query.getOrDefault("login_ticket", ""));
    if (!"code".equals(query.get("response_type"))
        || !clientId.equals(query.get("client_id"))
        || query.get("redirect_uri") == null
        || !query.getOrDefault("scope", "").contains("openid")
        || claims == null) {
      respond(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    grants.put(code, new Grant(claims, query.get("nonce"), query.get("redirect_uri")));
    String back =
        query.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Location", back);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod()) || !clientAuthenticated(exchange)) {
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Grant grant = grants.remove(form.getOrDefault("code", ""));
    if (!"authorization_code".equals(form.get("grant_type"))
        || grant == null
        || !grant.redirectUri().equals(form.get("redirect_uri"))) {
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    Map<String, Object> idClaims = new LinkedHashMap<>(grant.claims());
    idClaims.put("azp", clientId);
    if (grant.nonce() != null) {
      idClaims.put("nonce", grant.nonce());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", accessToken(grant.claims()));
    answer.put("token_type", "Bearer");
    answer.put("expires_in", 300);
    answer.put("scope", "openid profile email");
    answer.put("id_token", sign(key, withDefaults(idClaims, clientId)));
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    respond(exchange, 200, json.writeValueAsString(answer));
  }

  private boolean clientAuthenticated(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String[] credentials =
        new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8)
            .split(":", 2);
    return credentials.length == 2
        && clientId.equals(URLDecoder.decode(credentials[0], StandardCharsets.UTF_8))
        && clientSecret.equals(URLDecoder.decode(credentials[1], StandardCharsets.UTF_8));
  }

  private Map<String, Object> withDefaults(Map<String, Object> claims, String audience) {
    Instant now = Instant.now();
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("iss", issuer());
    all.put("sub", "stub-" + UUID.randomUUID());
    all.put("aud", audience);
    all.put("iat", now);
    all.put("exp", now.plusSeconds(300));
    all.putAll(claims);
    return all;
  }

  private static String sign(RSAKey key, Map<String, Object> claims) {
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
    claims.forEach(
        (name, value) -> set.claim(name, value instanceof Instant i ? Date.from(i) : value));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            set.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static RSAKey newKey() throws JOSEException {
    return new RSAKeyGenerator(2048).keyID("stub-" + UUID.randomUUID()).generate();
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return fields;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
