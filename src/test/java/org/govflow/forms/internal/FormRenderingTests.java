package org.govflow.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govflow.forms.FormSchema;
import org.govflow.forms.FormView;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** What a text component shows a reader: days, points in time and names in their own terms. */
class FormRenderingTests {

  private final FormSchema schema =
      new FormSchemaReader(new ObjectMapper())
          .read(
              "t",
              """
              {"id": "t", "components": [{"type": "text", "id": "intro",
                "text": "{{partnerName}}: ends on {{termEnd}}, decide by {{noticeAt}}; {{kind}}"}]}
              """
                  .getBytes(StandardCharsets.UTF_8));

  private final Map<String, Object> variables =
      Map.of(
          "partnerName", "International Labour Organization (ILO)",
          "partnerName_fr", "Organisation internationale du Travail (OIT)",
          "termEnd", "2030-08-01",
          "noticeAt", Date.from(Instant.parse("2030-05-03T16:00:00Z")),
          "kind", "2030-13-45");

  private String shown(Locale locale, ZoneId zone) {
    FormView view =
        new FormRendering(new StaticMessageSource(), locale, zone)
            .view(schema, Map.of(), List.of(), variables);
    return view.fields().get(0).text().get(0).text();
  }

  @Test
  void aFrenchReaderInDakarReadsTheNameTheDayAndTheTimeInTheirTerms() {
    assertThat(shown(Locale.FRENCH, ZoneId.of("Africa/Dakar")))
        .startsWith("Organisation internationale du Travail (OIT): ends on 1 août 2030")
        .contains("3 mai 2030")
        .contains("16:00 (Africa/Dakar)")
        // not a day: left as it is
        .endsWith("; 2030-13-45");
  }

  @Test
  void aSpanishReaderInBogotaWithoutASpanishNameGetsTheBareOne() {
    assertThat(shown(Locale.forLanguageTag("es"), ZoneId.of("America/Bogota")))
        .startsWith("International Labour Organization (ILO): ends on 1 de agosto de 2030")
        .contains("3 de mayo de 2030")
        .contains("11:00 (America/Bogota)");
  }
}
