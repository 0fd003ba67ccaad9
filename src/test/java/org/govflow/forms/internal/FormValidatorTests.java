package org.govflow.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govflow.forms.FieldError;
import org.govflow.forms.FormSchema;
import org.govflow.forms.FormSubmission;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Server-side validation against the schema, with messages from the real bundles. */
class FormValidatorTests {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private final ObjectMapper json = new ObjectMapper();
  private final FormValidator validator = new FormValidator(messages(), json);
  private final FormSchemaReader reader = new FormSchemaReader(json);

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/forms");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  private FormSchema start() throws Exception {
    return reader.read("start", Files.readAllBytes(Path.of("forms/document-approval-start.form")));
  }

  private FormSchema form(String components) {
    return reader.read(
        "t",
        ("{\"id\": \"t\", \"components\": [" + components + "]}").getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> validStart() {
    Map<String, Object> values = new HashMap<>();
    values.put("title", "Budget 2027");
    values.put("summary", "The draft budget");
    values.put("approvingBody", "world-council");
    values.put("respondBy", LocalDate.now(SEOUL).plusDays(10).toString());
    return values;
  }

  @Test
  void acceptsValidValuesAndKeepsOnlyTheFormsKeys() throws Exception {
    Map<String, Object> values = validStart();
    values.put("initiator", "forged");

    FormSubmission result = validator.validate(start(), values, Locale.ENGLISH, SEOUL);

    assertThat(result.errors()).isEmpty();
    assertThat(result.values())
        .containsOnlyKeys("title", "summary", "approvingBody", "respondBy")
        .containsEntry("approvingBody", "world-council");
  }

  @Test
  void reportsEveryMissingRequiredFieldInTheReadersLanguage() throws Exception {
    FormSubmission result = validator.validate(start(), Map.of(), Locale.FRENCH, SEOUL);

    assertThat(result.valid()).isFalse();
    assertThat(result.errors())
        .extracting(FieldError::field)
        .containsExactly("title", "summary", "approvingBody", "respondBy");
    assertThat(result.errors())
        .allSatisfy(e -> assertThat(e.message()).isEqualTo("Ce champ est obligatoire."));
    assertThat(result.values()).isEmpty();
  }

  @Test
  void checksLengthsOptionsAndPassedDates() throws Exception {
    Map<String, Object> values = validStart();
    values.put("title", "ab");
    values.put("approvingBody", "secretariat");
    values.put("respondBy", LocalDate.now(SEOUL).minusDays(1).toString());
    values.put("summary", "x".repeat(4001));

    List<FieldError> errors = validator.validate(start(), values, Locale.ENGLISH, SEOUL).errors();

    assertThat(errors)
        .containsExactly(
            new FieldError("title", "Enter at least 3 characters."),
            new FieldError("summary", "Enter at most 4,000 characters."),
            new FieldError("approvingBody", "Choose one of the listed options."),
            new FieldError("respondBy", "Choose today or a later date."));
  }

  @Test
  void refusesMalformedValues() throws Exception {
    Map<String, Object> values = validStart();
    values.put("title", 42);
    values.put("respondBy", "next tuesday");
    values.put("approvingBody", List.of("world-council", "presidency"));

    List<FieldError> errors =
        validator.validate(start(), values, Locale.forLanguageTag("es"), SEOUL).errors();

    assertThat(errors)
        .containsExactly(
            new FieldError("title", "Escriba un texto."),
            new FieldError("approvingBody", "Elija una de las opciones propuestas."),
            new FieldError("respondBy", "Escriba una fecha con el formato AAAA-MM-DD."));
  }

  @Test
  void aListOfOneIsNotItsText() throws Exception {
    // an API client's ["a"] is not the text "a", nor ["world-council"] the option (pages send a
    // field sent once as its text)
    Map<String, Object> values = validStart();
    values.put("title", List.of("A title long enough"));
    values.put("approvingBody", List.of("world-council"));

    assertThat(validator.validate(start(), values, Locale.ENGLISH, SEOUL).errors())
        .extracting(FieldError::field)
        .containsExactly("title", "approvingBody");
  }

  @Test
  void todayCountsInTheReadersTimeZone() throws Exception {
    Map<String, Object> values = validStart();
    values.put("respondBy", LocalDate.now(SEOUL).toString());

    assertThat(validator.validate(start(), values, Locale.ENGLISH, SEOUL).valid()).isTrue();
  }

  @Test
  void numbersRangesDecimalsAndPatterns() {
    FormSchema schema =
        form(
            """
            {"type": "number", "key": "n", "decimalDigits": 1, "validate": {"min": 1, "max": 10}},
            {"type": "textfield", "key": "code", "validate": {"pattern": "^[A-Z]{3}$"}},
            {"type": "textfield", "key": "mail", "validate": {"validationType": "email"}}
            """);

    assertThat(validator.validate(schema, Map.of("n", "11"), Locale.ENGLISH, SEOUL).errors())
        .containsExactly(new FieldError("n", "Enter a number of at most 10."));
    assertThat(validator.validate(schema, Map.of("n", 0), Locale.ENGLISH, SEOUL).errors())
        .containsExactly(new FieldError("n", "Enter a number of at least 1."));
    assertThat(validator.validate(schema, Map.of("n", "2.25"), Locale.ENGLISH, SEOUL).errors())
        .containsExactly(new FieldError("n", "Use at most 1 decimal places."));
    assertThat(validator.validate(schema, Map.of("n", "two"), Locale.ENGLISH, SEOUL).errors())
        .containsExactly(new FieldError("n", "Enter a number."));
    assertThat(validator.validate(schema, Map.of("n", true), Locale.ENGLISH, SEOUL).errors())
        .containsExactly(new FieldError("n", "Enter a number."));
    assertThat(validator.validate(schema, Map.of("code", "abc"), Locale.ENGLISH, SEOUL).errors())
        .containsExactly(new FieldError("code", "This value does not have the expected format."));
    assertThat(validator.validate(schema, Map.of("mail", "nobody"), Locale.ENGLISH, SEOUL).errors())
        .containsExactly(new FieldError("mail", "Enter an e-mail address."));

    FormSubmission ok =
        validator.validate(
            schema, Map.of("n", "2.5", "code", "ABC", "mail", "a@b.org"), Locale.ENGLISH, SEOUL);
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.values()).containsEntry("n", 2.5).containsEntry("code", "ABC");
    assertThat(validator.validate(schema, Map.of("n", 7), Locale.ENGLISH, SEOUL).values())
        .containsEntry("n", 7L);
  }

  @Test
  void checkboxesChecklistsAndTaglists() {
    FormSchema schema =
        form(
            """
            {"type": "checkbox", "key": "agree", "validate": {"required": true}},
            {"type": "checklist", "key": "langs", "validate": {"required": true},
             "values": [{"label": "English", "value": "en"}, {"label": "French", "value": "fr"}]},
            {"type": "taglist", "key": "tags", "values": [{"label": "A", "value": "a"}]}
            """);

    assertThat(
            validator
                .validate(
                    schema, Map.of("agree", "false", "langs", List.of()), Locale.ENGLISH, SEOUL)
                .errors())
        .extracting(FieldError::field)
        .containsExactly("agree", "langs");
    assertThat(
            validator
                .validate(
                    schema,
                    Map.of("agree", true, "langs", List.of("en", "de")),
                    Locale.ENGLISH,
                    SEOUL)
                .errors())
        .containsExactly(new FieldError("langs", "Choose one of the listed options."));

    FormSubmission ok =
        validator.validate(
            schema,
            Map.of("agree", List.of("false", "true"), "langs", List.of("en", "fr"), "tags", "a"),
            Locale.ENGLISH,
            SEOUL);
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.values())
        .containsEntry("agree", true)
        .containsEntry("langs", "[\"en\",\"fr\"]")
        .containsEntry("tags", "[\"a\"]");
  }

  @Test
  void datesTimesAndDateTimesFromJsonAndFromPages() {
    FormSchema schema =
        form(
            """
            {"type": "datetime", "key": "t", "subtype": "time", "timeLabel": "At"},
            {"type": "datetime", "key": "dt", "subtype": "datetime", "dateLabel": "When"}
            """);

    FormSubmission fromPage =
        validator.validate(
            schema, Map.of("t", "09:30", "dt", "2030-05-01T10:00"), Locale.ENGLISH, SEOUL);
    assertThat(fromPage.values())
        .containsEntry("t", "09:30")
        .containsEntry("dt", "2030-05-01T10:00:00+09:00");
    assertThat(
            validator
                .validate(schema, Map.of("dt", "2030-05-01T10:00:00Z"), Locale.ENGLISH, SEOUL)
                .values())
        .containsEntry("dt", "2030-05-01T10:00:00Z");
    assertThat(validator.validate(schema, Map.of("t", "25:00"), Locale.ENGLISH, SEOUL).errors())
        .containsExactly(new FieldError("t", "Enter a time as HH:MM."));
  }

  @Test
  void readonlyFieldsAreNeverTakenFromASubmission() {
    FormSchema schema = form("{\"type\": \"textfield\", \"key\": \"ref\", \"readonly\": true}");

    assertThat(validator.validate(schema, Map.of("ref", "forged"), Locale.ENGLISH, SEOUL).values())
        .isEmpty();
  }
}
