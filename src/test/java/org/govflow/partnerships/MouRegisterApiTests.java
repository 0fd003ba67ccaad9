package org.govflow.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.govflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register over the API on PostgreSQL: the secretariat registers and edits MoUs, whose notice
 * date the rule table computes; invalid values are refused with the fields to fix and change
 * nothing; a renewal started by hand runs once per term (409 the second time).
 */
@IntegrationTest
class MouRegisterApiTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  MouHttp api;

  @BeforeEach
  void api() {
    api = new MouHttp(port);
  }

  static Map<String, Object> mou(LocalDate start, LocalDate end, String notice) {
    Map<String, Object> m = new HashMap<>();
    m.put("partnerId", "partner-oecd");
    m.put("partnerKind", "intergovernmental");
    m.put("title", "MoU on subnational finance data");
    m.put("signedOn", start.toString());
    m.put("startsOn", start.toString());
    m.put("endsOn", end.toString());
    m.put("renewalKind", "express");
    m.put("noticePeriod", notice);
    m.put("focalPoint", "ines.moreau");
    m.put("contactName", "Jeanne Martin");
    m.put("contactEmail", "jeanne.martin@partner.example");
    m.put("contactLanguage", "fr");
    return m;
  }

  private int count() {
    return jdbc.queryForObject("select count(*) from partnership_mou", Integer.class);
  }

  @Test
  void invalidValuesAreRefusedWithTheFieldsToFixAndNothingChanges() {
    int before = count();
    Map<String, Object> bad = mou(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), "P3M");
    bad.put("partnerId", "council-right-to-city");
    bad.put("focalPoint", "nobody.here");
    var answer = api.post("officer", "/api/v1/mous", bad);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("errors").findValuesAsText("field"))
        .contains("partnerId", "focalPoint", "endsOn");
    assertThat(answer.body()).contains("The expiry must come after the signature.");

    var tooLong =
        // the legal officer reads Spanish
        api.post(
            "legal",
            "/api/v1/mous",
            mou(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1), "P3M"));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("errors").findValuesAsText("field"))
        .containsExactly("noticePeriod");
    assertThat(tooLong.body()).contains("El preaviso es más largo que el plazo");

    var missing = api.post("officer", "/api/v1/mous", "{\"title\":\"x\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("errors").findValuesAsText("field"))
        .contains("partnerId", "signedOn", "endsOn", "renewalKind");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void theSecretariatRegistersEditsAndStartsARenewalOncePerTerm() {
    var created =
        api.post(
            "officer",
            "/api/v1/mous",
            mou(LocalDate.of(2026, 6, 1), LocalDate.of(2028, 5, 31), "P3M"));
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().path("summary").path("id").asLong();
    // express: three months back from 31 May 2028, a leap year
    assertThat(created.json().path("summary").path("noticeDate").asText()).isEqualTo("2028-02-29");
    assertThat(created.json().path("summary").path("status").asText()).isEqualTo("active");

    Map<String, Object> edit = mou(LocalDate.of(2026, 6, 1), LocalDate.of(2028, 6, 30), "P90D");
    edit.put("renewalKind", "tacit");
    var edited = api.put("officer", "/api/v1/mous/" + id, edit);
    assertThat(edited.status()).isEqualTo(200);
    // tacit, intergovernmental: 90 days and 15 for the letter back from 30 June 2028
    assertThat(edited.json().path("summary").path("noticeDate").asText()).isEqualTo("2028-03-17");

    assertThat(api.post("ana.belmonte", "/api/v1/mous/" + id + "/renewal", "{}").status())
        .isEqualTo(403);
    var renewal = api.post("officer", "/api/v1/mous/" + id + "/renewal", "{}");
    assertThat(renewal.status()).isEqualTo(201);
    assertThat(renewal.json().path("businessKey").asText()).isEqualTo("MOU-OECD-2028");
    assertThat(renewal.json().path("stage").asText()).isEqualTo("Assess");
    var again = api.post("officer", "/api/v1/mous/" + id + "/renewal", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("already been started");

    var details = api.get("ines.moreau", "/api/v1/mous/" + id);
    assertThat(details.json().path("summary").path("status").asText())
        .isEqualTo("renewal-in-progress");
    assertThat(details.json().path("summary").path("renewalKey").asText())
        .isEqualTo("MOU-OECD-2028");
    assertThat(details.json().path("renewals")).hasSize(1);
    assertThat(
            api.get("officer", "/api/v1/mous?partner=partner-oecd").json().findValuesAsText("id"))
        .contains(Long.toString(id));
    assertThat(api.get("officer", "/api/v1/mous/999999").status()).isEqualTo(404);
  }
}
